(function(){let e=document.createElement(`link`).relList;if(e&&e.supports&&e.supports(`modulepreload`))return;for(let e of document.querySelectorAll(`link[rel="modulepreload"]`))n(e);new MutationObserver(e=>{for(let t of e)if(t.type===`childList`)for(let e of t.addedNodes)e.tagName===`LINK`&&e.rel===`modulepreload`&&n(e)}).observe(document,{childList:!0,subtree:!0});function t(e){let t={};return e.integrity&&(t.integrity=e.integrity),e.referrerPolicy&&(t.referrerPolicy=e.referrerPolicy),t.credentials=e.crossOrigin===`use-credentials`?`include`:e.crossOrigin===`anonymous`?`omit`:`same-origin`,t}function n(e){if(e.ep)return;e.ep=!0;let n=t(e);fetch(e.href,n)}})();var e,t,n,r,i,a,o,s,c,l,u,d=Symbol.for(`pv`),f={},p=[],m=/^m(i|n|o|s|text|space)$/,h=Array.isArray,g=p.slice,_=Object.assign;function v(e){e&&e.parentNode&&e.remove()}function y(n,r,i,a,o){var s={type:n,props:r,key:i,ref:a,__k:null,__:null,__b:0,__e:null,__c:null,constructor:d,__v:o||++t,__i:-1,__u:0};return!o&&e.vnode&&e.vnode(s),s}function b(e){return e.children}function x(e,t){this.props=e,this.context=t,this.__g=0}function S(e,t){if(t==null)return e.__&&S(e.__,e.__i+1);for(var n;t<e.__k.length;t++)if((n=e.__k[t])&&n.__e)return n.__e;return typeof e.type!=`function`||e.props.__P?null:S(e)}function C(t){var n,r=t.__v,i=r.__e,a=[],o=[],s=t.__P;s&&((n=_({constructor:d},r)).__v=r.__v+1,e.vnode&&e.vnode(n),oe(s,n,r,t.__n,s.namespaceURI,32&r.__u?[i]:null,a,i||S(r),32&r.__u,o),n.__v=r.__v,n.__.__k[n.__i]=n,le(a,n,o),r.__=r.__e=null,n.__e!=i&&w(n))}function w(e){if((e=e.__)&&e.__c&&!e.props.__P)return e.__e=null,e.__k.some(function(t){return t&&(e.__e=t.__e)}),w(e)}function T(t){(8&t.__g||(t.__g|=8,n.push(t),i++))&&r==e.debounceRendering||((r=e.debounceRendering)||queueMicrotask)(E)}function E(){try{for(var e,t=1;n.length;)n.length>t&&n.sort(a),e=n.shift(),t=n.length,8&e.__g&&C(e)}finally{(i=n.length)&&(r||queueMicrotask)(E)}}function ee(e,t,n,r,i,a,o,s,c,l,u){var d,m,h,g,_,v,y=r.__k||p,b=t.length;for(c=D(n,t,y,c,b),d=0;d<b;d++)(h=n.__k[d])!=null&&(m=~h.__i&&y[h.__i]||f,h.__i=d,v=oe(e,h,m,i,a,o,s,c,l,u),g=h.__e,(m.ref!=h.ref||8&m.__u)&&(m.ref&&O(m.ref,null,h,m),h.ref&&u.push(h.ref,h.__c||g,h)),_||=g,4&h.__u?(c=te(h,c,e,!m.__v),m.__e&&(m.__e=null)):typeof h.type==`function`&&v!==void 0?c=v:g&&(c=g.nextSibling),h.__u&=-21);return n.__e=_,c}function D(e,t,n,r,i){var a,o,s,c,l,u,f,p,m,g=n.length,_=g,v=0,x=0,C=e.__k=Array(i);for(a=0;a<i;a++)(o=t[a])!=null&&typeof o!=`boolean`&&typeof o!=`function`?(typeof o!=`object`||o.constructor===String?o=C[a]=y(null,o):h(o)?o=C[a]=y(b,{children:o}):o.constructor===d&&o.__b?o=C[a]=y(o.type,o.props,o.key,o.ref,o.__v):C[a]=o,c=a+v,o.__=e,o.__b=e.__b+1,s=null,~(l=o.__i=ne(o,n,c,_))&&(_--,(s=n[l])&&(s.__u|=2)),s&&s.__v?(o.__u|=16,l==c-1?v--:l==c+1?v++:l!=c&&(l>c?v--:v++,x=1)):(~l||(i>g?v--:i<g&&v++),typeof o.type!=`function`&&(o.__u|=4))):C[a]=null;if(x){for(u=[],f=[],a=0;a<i;a++)if((o=C[a])&&16&o.__u){for(v=0,p=u.length;v<p;)u[m=v+p>>1]<o.__i?v=m+1:p=m;u[v]=o.__i,f[a]=v+1}for(v=u.length;a--;)f[a]&&(f[a]==v?v--:C[a].__u|=4)}if(_)for(a=0;a<g;a++)!(s=n[a])||2&s.__u||(s.__e==r&&(r=S(s)),de(s,s));return r}function te(e,t,n,r){var i,a,o,s;if(typeof e.type==`function`){if(e.props.__P)return t;if(i=e.__k)for(a=0;a<i.length;a++)i[a]&&(i[a].__=e,t=te(i[a],t,n,!1));return t}for(t&&!t.parentNode&&(t=S(e))&&!t.parentNode&&(t=null),o=e.__e,s=t;s&&s.nodeType==8;)s=s.nextSibling;for(o!=s&&(!r&&n.moveBefore&&o.parentNode?n.moveBefore(o,t):n.insertBefore(o,t||null)),t=o;(t&&=t.nextSibling)&&t.nodeType==8&&!t.data.startsWith(`$s`););return t}function ne(e,t,n,r){var i,a=e.key,o=e.type,s=t[n],c=s&&!(2&s.__u);if(s===null&&a==null||c&&a==s.key&&o==s.type)return n;if(r>+!!c){for(i=n-1;i>=0;i--)if((s=t[i])&&!(2&s.__u)&&a==s.key&&o==s.type)return i;for(i=n+1;i<t.length;i++)if((s=t[i])&&!(2&s.__u)&&a==s.key&&o==s.type)return i}return-1}function re(e,t,n){n??=``,t[0]==`-`?e.setProperty(t,n):e[t]=n}function ie(e,t,n,r,i){var a,o;if(t==`style`){if(typeof n==`string`)e.style.cssText=n;else{if(typeof r==`string`&&(e.style.cssText=r=``),r)for(t in r)n&&t in n||re(e.style,t);if(n)for(t in n)r&&n[t]==r[t]||re(e.style,t,n[t])}}else if(t[0]==`o`&&t[1]==`n`)typeof n!=`function`&&(n=null),typeof r!=`function`&&(r=null),(e.__e||={})[t]=n,n&&r||(o=l[t]||(l[t]=ae(t)),(e.__a||={})[t]=c,a=t!=(t=t.replace(s,`$1`)),(t=t.slice(2))[0]<`a`&&(t=t.toLowerCase()),n?e.addEventListener(t,o,a):e.removeEventListener(t,o,a));else{if(i==`http://www.w3.org/2000/svg`)t=t.replace(/xlink(H|:h)/,`h`).replace(/sName$/,`s`);else if(t!=`width`&&t!=`height`&&t!=`href`&&t!=`list`&&t!=`form`&&t!=`tabIndex`&&t!=`download`&&t!=`rowSpan`&&t!=`colSpan`&&t!=`role`&&t!=`popover`&&t in e)try{e[t]=n??``;return}catch{}if(typeof n==`function`)return;n==null||!1===n&&t[4]!=`-`?e.removeAttribute(t):e.setAttribute(t,t==`popover`&&n==1?``:n)}}function ae(t){return function(n){var r=this.__e;if(r){if(r=r[t],n[o]==null)n[o]=c++;else if(n[o]<this.__a[t])return;return r(e.event?e.event(n):n)}}}function oe(t,n,r,i,a,o,s,c,l,u){var f,m,g,y,C,w,T,E,D,te,ne,re,ie,ae,oe,le,O,pe,me=n.type;if(n.constructor!==d)return null;128&r.__u&&(l=32&r.__u,f=r.__c.__z)&&(n.__u|=l,m=o=[],f.nodeType==8?c=se(f,o):o.push(f),c=o[0]||c),(f=e.__b)&&f(n);n:if(typeof me==`function`){g=s.length;try{if(E=n.props,D=(f=me.prototype)&&f.render,te=(f=me.contextType)&&i[f.__c],ne=f?te?te.props.value:f.__:i,(y=r.__c)?(n.__c=y,2&y.__g&&(y.__g|=1)):(D?n.__c=y=new me(E,ne):(n.__c=y=new x(E,ne),y.constructor=me,y.render=fe),te&&te.sub(y),y.state||(y.state={}),y.__n=i,y.__g|=8,y.__h=[],y.__k=[]),D&&(y.__s||(y.__s=y.state),me.getDerivedStateFromProps&&(y.__s==y.state&&(y.__s=_({},y.__s)),_(y.__s,me.getDerivedStateFromProps(E,y.__s)))),C=y.props,w=y.state,y.__v=n,r.__c){if(E!==C&&D&&!me.getDerivedStateFromProps&&y.componentWillReceiveProps&&y.componentWillReceiveProps(E,ne),n.__v==r.__v&&!(8&y.__g)||!(4&y.__g)&&y.shouldComponentUpdate&&!1===y.shouldComponentUpdate(E,y.__s,ne)){n.__v!=r.__v&&(y.props=E,y.state=y.__s,y.__g&=-9),n.__e=r.__e,n.__k=r.__k,n.__k.some(function(e){e&&(e.__=n)}),p.push.apply(y.__h,y.__k),y.__k=[],y.__h.length&&s.push(y),c=S(r);break n}y.componentWillUpdate&&y.componentWillUpdate(E,y.__s,ne),D&&y.componentDidUpdate&&y.__h.push(function(){y.componentDidUpdate(C,w,T)})}else D&&!me.getDerivedStateFromProps&&y.componentWillMount&&y.componentWillMount(),D&&y.componentDidMount&&y.__h.push(y.componentDidMount);y.context=ne,y.props=E,y.__P=t,y.__g&=-5,re=e.__r,ie=D?25:0;do y.__g&=-9,re&&re(n),f=y.render(y.props,y.state=y.__s,y.context);while(8&y.__g&&++ie<25);D&&(p.push.apply(y.__h,y.__k),y.__k=[]),y.state=y.__s,y.getChildContext&&(i=_({},i,y.getChildContext())),D&&r.__c&&y.getSnapshotBeforeUpdate&&(T=y.getSnapshotBeforeUpdate(C,w)),ae=f&&f.type===b&&f.key==null?f.props.children:f,E.__P&&(f=c,a=(t=E.__P).namespaceURI,l=o=null,r.props&&r.props.__P!=t&&(r.__k.some(function(e){e&&de(e,e)}),r.__k=null),c=r.__k?S(r,0):null),c=ee(t,h(ae)?ae:[ae],n,r,i,a,o,s,c,l,u),E.__P&&(n.__e=null,c=f),n.__u&=-161,m&&m.some(v),y.__h.length&&s.push(y),1&y.__g&&(y.__g&=-4)}catch(t){if(s.length=g,n.__v=null,l||o){if(t&&t.then){if(n.__u|=128|l,o){for(~(O=o.indexOf(c||void 0))||(O=o.length);(pe=o[O-1])&&pe.nodeType==8;)O--;for(;O<o.length;O++)if(pe=o[O]){if(o[O]=null,oe){if(pe==le)break}else{if(pe.nodeType!=8)break;pe.data.startsWith(`$s`)&&(le=se(oe=pe))}}}if(!oe){for(;c&&c.nodeType==8&&c.nextSibling;)c=c.nextSibling;oe=c}(f=se(oe=n.__c.__z||(n.__c.__z=oe)))?(n.__e=oe,c=f):n.__e=c,c&&=c.nextSibling}else o&&o.some(v)}else n.__e=r.__e;n.__k||=r.__k||[],t&&t.then||ce(n),e.__e(t,n,r)}}else c=n.__e=ue(r.__e,n,r,i,a,o,s,l,u,t);return(f=e.diffed)&&f(n),c}function se(e,t){if(e&&e.nodeType==8&&e.data.startsWith(`$s`))for(var n=1;e=e.nextSibling;){if(e.nodeType==8){if(e.data.startsWith(`$s`))n++;else if(e.data.startsWith(`/$s`)&&!--n)return e}t&&t.push(e)}}function ce(e){e&&(e.__c&&(e.__c.__g|=4),e.__k&&e.__k.some(ce))}function le(t,n,r){for(var i=0;i<r.length;)O(r[i++],r[i++],r[i++]);e.__c&&e.__c(n,t),t.some(function(n){try{t=n.__h,n.__h=[],t.some(function(e){e.call(n)})}catch(t){e.__e(t,n.__v)}})}function ue(t,n,r,i,a,o,s,c,l,u){var d,p,_,y,b,x,C,w,T=r.props||f,E=n.props,D=n.type;if(D==`svg`?a=`http://www.w3.org/2000/svg`:D==`math`?a=`http://www.w3.org/1998/Math/MathML`:a||=`http://www.w3.org/1999/xhtml`,o){for(d=0;d<o.length;d++)if((b=o[d])&&(D?b.localName==D:b.nodeType==3)){t=b,o[d]=null;break}}if(!t){if(w=u.ownerDocument||document,!D)return w.createTextNode(E);t=w.createElementNS(a,D,E.is?E:u),c&&=(e.__m&&e.__m(n,o),!1),o=null}if(D){if(u=D==`template`&&t.content||t,o=D==`textarea`&&E.defaultValue!=null?null:o&&g.call(u.childNodes),!c&&o)for(T={},d=0;d<t.attributes.length;d++)T[(b=t.attributes[d]).name]=b.value;for(d in T)b=T[d],d==`dangerouslySetInnerHTML`?_=b:d==`children`||d in E||d==`value`&&`defaultValue`in E||d==`checked`&&`defaultChecked`in E||ie(t,d,null,b,a);for(d in E)b=E[d],d==`children`?y=b:d==`dangerouslySetInnerHTML`?p=b:d==`value`?x=b:d==`checked`?C=b:c&&typeof b!=`function`||T[d]===b||ie(t,d,b,T[d],a);p?(c||_&&(p.__html==_.__html||p.__html==t.innerHTML)||(t.innerHTML=p.__html),n.__k=[]):(_&&(t.textContent=``),(D==`foreignObject`||a==`http://www.w3.org/1998/Math/MathML`&&m.test(D))&&(a=`http://www.w3.org/1999/xhtml`),ee(u,h(y)?y:[y],n,r,i,a,o,s,o?o[0]:r.__k&&S(r,0),c,l),o&&o.some(v)),c&&D!=`textarea`||(d=`value`,D==`progress`&&x==null?t.removeAttribute(d):x==null||x===t[d]&&(D!=`progress`||x)||ie(t,d,x,T[d],a),d=`checked`,C!=null&&C!=t[d]&&ie(t,d,C,T[d],a))}else T===E||c&&t.data==E||(t.data=E);return t}function O(t,n,r,i){try{typeof t==`function`?n?n.__x=t(n)||1:(i&&=i.__c||i.__e)&&(n=i.__x)&&(i.__x=null,typeof n==`function`?n():t(null)):t.current=n}catch(t){e.__e(t,r)}}function de(t,n,r){var i,a,o,s;if(e.unmount&&e.unmount(t),!(i=t.ref)||i.current&&i.current!=t.__e||O(i,null,n,t),i=t.__c){if(i.componentWillUnmount)try{i.componentWillUnmount()}catch(t){e.__e(t,n)}i.__P=i.__n=null}if(i=t.__k)for(s=0;s<i.length;s++)i[s]&&de(i[s],n,typeof t.type!=`function`||r&&!t.props.__P);!r&&(i=t.__c)&&(i=i.__z)&&(a=se(i,o=[]))&&(i==t.__e&&o.some(v),v(a),v(i)),r||v(t.__e),t.__e=t.__c=t.__=null}function fe(e,t,n){return this.constructor(e,n)}function pe(t,n){var r,i,a,o;e.__&&e.__(t,n),n.nodeType==9&&(n=n.documentElement),i=(r=t&&32&t.__u)?null:n.__k,n.__k=y(b,{children:[t]}),a=[],o=[],oe(n,n.__k,i||f,f,n.namespaceURI,i?null:n.firstChild?g.call(n.childNodes):null,a,i?i.__e:n.firstChild,r,o),le(a,n.__k,o),n.__k.props.children=null}function me(e){function t(e){var n,r;return this.getChildContext||(n=new Set,(r={})[t.__c]=this,this.getChildContext=function(){return r},this.shouldComponentUpdate=function(e){this.props.value!=e.value&&n.forEach(function(e){e.__g|=4,T(e)})},this.sub=function(e){n.add(e);var t=e.componentWillUnmount;e.componentWillUnmount=function(){n.delete(e),t&&t.call(e)}}),e.children}return t.__c=`__cC`+u++,t.__=e,t.Provider=(t.Consumer=function(e,t){return e.children(t)}).contextType=t,t}e={__e:function(e,t,n,r){for(var a,o,s;t=t.__;)if((a=t.__c)&&!(1&a.__g)){a.__g|=4;try{if((s=(o=a.constructor)&&o.getDerivedStateFromError)&&a.setState(o.getDerivedStateFromError(e)),a.componentDidCatch&&(a.componentDidCatch(e,r||{}),s=1),s&&8&a.__g)return void(a.__g|=2)}catch(t){e=t}}throw i=0,e}},t=0,x.prototype.setState=function(e,t){var n=this.__s;n&&n!=this.state||(n=this.__s=_({},this.state)),typeof e==`function`&&(e=e(_({},n),this.props)),e&&(_(n,e),this.__v&&(t&&this.__k.push(t),T(this)))},x.prototype.forceUpdate=function(e){this.__v&&(this.__g|=4,e&&this.__h.push(e),T(this))},x.prototype.render=b,n=[],i=0,a=function(e,t){return e.__v.__b-t.__v.__b},o=Symbol(),s=/(PointerCapture)$|Capture$/i,c=0,l={},u=0;var he,k,ge,_e,ve=Object.is,ye=0,be=[],xe=[],A=e,Se=A.__b,Ce=A.__r,we=A.diffed,Te=A.__c,Ee=A.unmount,De=A.__;function Oe(e,t){A.__h&&A.__h(k,e,ye||t),ye=0;var n=k.__H||(k.__H={__:[],__h:[]});return e>=n.__.length&&n.__.push({}),n.__[e]}function j(e){return ye=1,ke(Be,e)}function ke(e,t,n){var r=Oe(he++,2);if(r.t=e,!r.__c&&(r.__=[n?n(t):Be(void 0,t),function(e){var t=(r.__N||r.__)[0],n=r.t(t,e);ve(t,n)||(r.__N=[n,r.__[1]],r.__c.setState({}))}],r.__c=k,!k.__f)){k.__f=!0;var i=k.shouldComponentUpdate;k.shouldComponentUpdate=function(e,t,n){var r=this.__H;if(!r)return!0;var a=!1,o=this.props!=e;if(r.__.some(function(e){e.__N&&(a=!0,ve(e.__[0],e.__N[0])||(o=!0))}),i){var s=i.call(this,e,t,n);return a?s||o:s}return!a||o}}return r.__}function M(e,t){var n=Oe(he++,3);!A.__s&&ze(n.__H,t)&&(n.__P=!0,n.__=e,n.u=t,k.__H.__h.push(n))}function Ae(e){return ye=5,N(function(){return{current:e}},[])}function N(e,t){var n=Oe(he++,7);return ze(n.__H,t)&&(n.__=e(),n.__H=t),n.__}function je(e,t){return ye=8,N(function(){return e},t)}function Me(e){var t=k.context[e.__c],n=Oe(he++,9);return n.c=e,t?(n.__??(n.__=!0,t.sub(k)),t.props.value):e.__}function Ne(){var e;do{for(;e=xe.shift();)try{Le(e)}catch(t){A.__e(t,{__:(e=e.__P)&&e.__v})}for(;e=be.shift();){var t=e.__H;if(e.__P&&t)try{t.__h.some(Le),t.__h.some(Re),t.__h=[]}catch(n){t.__h=[],A.__e(n,e.__v)}}}while(xe.length)}A.__b=function(e){k=null,Se&&Se(e)},A.__=function(e,t){e&&t.__k&&t.__k.__m&&(e.__m=t.__k.__m),De&&De(e,t)},A.__r=function(e){Ce&&Ce(e),he=0;var t=(k=e.__c).__H;t&&(ge==k?k.__h=[]:(t.__h.some(Le),t.__h.some(Re),he=0),t.__h=[],t.__.some(function(e){e.__N&&(e.__=e.__N),e.u=e.__N=void 0})),ge=k},A.diffed=function(e){we&&we(e);var t=e.__c;t&&t.__H&&(t.__H.__h.length&&Ie(be.push(t)),t.__H.__.some(function(e){e.u&&(e.__H=e.u)})),ge=k=null},A.__c=function(e,t){t.some(function(e){try{e.__h.some(Le),e.__h=e.__h.filter(function(e){return!e.__||Re(e)})}catch(t){e.__h=[function(){throw t}]}}),Te&&Te(e,t)},A.unmount=function(e){Ee&&Ee(e);var t,n,r=e.__c;r&&r.__H&&(r.__H.__.some(function(r){try{if(r.__P&&r.__c){if(n===void 0){for(n=e.__;n&&(!n.__c||!n.__c.__P);)n=n.__;n&&=n.__c}r.__P=n,Ie(xe.push(r))}else Le(r)}catch(e){t=e}}),r.__H=void 0,t&&A.__e(t,r.__v))};var Pe=typeof requestAnimationFrame==`function`;function Fe(e){var t,n=function(){clearTimeout(r),Pe&&cancelAnimationFrame(t),setTimeout(e)},r=setTimeout(n,35);Pe&&(t=requestAnimationFrame(n))}function Ie(e){e!=1&&_e==A.requestAnimationFrame||((_e=A.requestAnimationFrame)||Fe)(Ne)}function Le(e){var t=k,n=e.__c;typeof n==`function`&&(e.__c=void 0,n()),k=t}function Re(e){var t=k;e.__c=e.__(),k=t}function ze(e,t){return!e||e.length!=t.length||t.some(function(t,n){return!ve(t,e[n])})}function Be(e,t){return typeof t==`function`?t(e):t}function P(e){return e===null?`null`:Array.isArray(e)?`array`:typeof e}function Ve(e){return P(e)===`object`}function He(e){return Array.isArray(e)&&e.length>0&&e.every(e=>`message`in e)}function Ue(e,t){return e.length<124?e:t}var F=(e=>(e[e.InternalServerError=4500]=`InternalServerError`,e[e.InternalClientError=4005]=`InternalClientError`,e[e.BadRequest=4400]=`BadRequest`,e[e.BadResponse=4004]=`BadResponse`,e[e.Unauthorized=4401]=`Unauthorized`,e[e.Forbidden=4403]=`Forbidden`,e[e.SubprotocolNotAcceptable=4406]=`SubprotocolNotAcceptable`,e[e.ConnectionInitialisationTimeout=4408]=`ConnectionInitialisationTimeout`,e[e.ConnectionAcknowledgementTimeout=4504]=`ConnectionAcknowledgementTimeout`,e[e.SubscriberAlreadyExists=4409]=`SubscriberAlreadyExists`,e[e.TooManyInitialisationRequests=4429]=`TooManyInitialisationRequests`,e))(F||{}),I=(e=>(e.ConnectionInit=`connection_init`,e.ConnectionAck=`connection_ack`,e.Ping=`ping`,e.Pong=`pong`,e.Subscribe=`subscribe`,e.Next=`next`,e.Error=`error`,e.Complete=`complete`,e))(I||{});function We(e){if(!Ve(e))throw Error(`Message is expected to be an object, but got ${P(e)}`);if(!e.type)throw Error(`Message is missing the 'type' property`);if(typeof e.type!=`string`)throw Error(`Message is expects the 'type' property to be a string, but got ${P(e.type)}`);switch(e.type){case`connection_init`:case`connection_ack`:case`ping`:case`pong`:if(e.payload!=null&&!Ve(e.payload))throw Error(`"${e.type}" message expects the 'payload' property to be an object or nullish or missing, but got "${e.payload}"`);break;case`subscribe`:if(typeof e.id!=`string`)throw Error(`"${e.type}" message expects the 'id' property to be a string, but got ${P(e.id)}`);if(!e.id)throw Error(`"${e.type}" message requires a non-empty 'id' property`);if(!Ve(e.payload))throw Error(`"${e.type}" message expects the 'payload' property to be an object, but got ${P(e.payload)}`);if(typeof e.payload.query!=`string`)throw Error(`"${e.type}" message payload expects the 'query' property to be a string, but got ${P(e.payload.query)}`);if(e.payload.variables!=null&&!Ve(e.payload.variables))throw Error(`"${e.type}" message payload expects the 'variables' property to be a an object or nullish or missing, but got ${P(e.payload.variables)}`);if(e.payload.operationName!=null&&P(e.payload.operationName)!==`string`)throw Error(`"${e.type}" message payload expects the 'operationName' property to be a string or nullish or missing, but got ${P(e.payload.operationName)}`);if(e.payload.extensions!=null&&!Ve(e.payload.extensions))throw Error(`"${e.type}" message payload expects the 'extensions' property to be a an object or nullish or missing, but got ${P(e.payload.extensions)}`);break;case`next`:if(typeof e.id!=`string`)throw Error(`"${e.type}" message expects the 'id' property to be a string, but got ${P(e.id)}`);if(!e.id)throw Error(`"${e.type}" message requires a non-empty 'id' property`);if(!Ve(e.payload))throw Error(`"${e.type}" message expects the 'payload' property to be an object, but got ${P(e.payload)}`);break;case`error`:if(typeof e.id!=`string`)throw Error(`"${e.type}" message expects the 'id' property to be a string, but got ${P(e.id)}`);if(!e.id)throw Error(`"${e.type}" message requires a non-empty 'id' property`);if(!He(e.payload))throw Error(`"${e.type}" message expects the 'payload' property to be an array of GraphQL errors, but got ${JSON.stringify(e.payload)}`);break;case`complete`:if(typeof e.id!=`string`)throw Error(`"${e.type}" message expects the 'id' property to be a string, but got ${P(e.id)}`);if(!e.id)throw Error(`"${e.type}" message requires a non-empty 'id' property`);break;default:throw Error(`Invalid message 'type' property "${e.type}"`)}return e}function Ge(e,t){return We(typeof e==`string`?JSON.parse(e,t):e)}function Ke(e,t){return We(e),JSON.stringify(e,t)}function qe(e){let{url:t,connectionParams:n,lazy:r=!0,onNonLazyError:i=console.error,lazyCloseTimeout:a=0,keepAlive:o=0,disablePong:s,connectionAckWaitTimeout:c=0,retryAttempts:l=5,retryWait:u=async function(e){let t=2**e;await new Promise(e=>setTimeout(e,t*1e3+Math.floor(Math.random()*2700+300)))},shouldRetry:d=Ye,on:f,webSocketImpl:p,generateID:m=function(){return`xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx`.replace(/[xy]/g,e=>{let t=Math.random()*16|0;return(e==`x`?t:t&3|8).toString(16)})},jsonMessageReplacer:h,jsonMessageReviver:g}=e,_;if(p){if(!Ze(p))throw Error(`Invalid WebSocket implementation provided`);_=p}else typeof WebSocket<`u`?_=WebSocket:typeof global<`u`?_=global.WebSocket||global.MozWebSocket:typeof window<`u`&&(_=window.WebSocket||window.MozWebSocket);if(!_)throw Error("WebSocket implementation missing; on Node you can `import WebSocket from 'ws';` and pass `webSocketImpl: WebSocket` to `createClient`");let v=_,y=(()=>{let e=(()=>{let e={};return{on(t,n){return e[t]=n,()=>{delete e[t]}},emit(t){`id`in t&&e[t.id]?.(t)}}})(),t={connecting:f?.connecting?[f.connecting]:[],opened:f?.opened?[f.opened]:[],connected:f?.connected?[f.connected]:[],ping:f?.ping?[f.ping]:[],pong:f?.pong?[f.pong]:[],message:f?.message?[e.emit,f.message]:[e.emit],closed:f?.closed?[f.closed]:[],error:f?.error?[f.error]:[]};return{onMessage:e.on,on(e,n){let r=t[e];return r.push(n),()=>{let e=r.indexOf(n);e>-1&&r.splice(e,1)}},emit(e,...n){for(let r of[...t[e]])r(...n)}}})();function b(e){let t=[y.on(`error`,n=>{t.forEach(e=>e()),e(n)}),y.on(`closed`,n=>{t.forEach(e=>e()),e(n)})];return()=>t.forEach(e=>e())}let x,S=0,C,w=!1,T=0,E=!1;async function ee(){clearTimeout(C);let[e,r]=await(x??=new Promise((e,r)=>(async()=>{if(w){if(await u(T),!S)return x=void 0,r({code:1e3,reason:`All Subscriptions Gone`});T++}y.emit(`connecting`,w);let i=new v(typeof t==`function`?await t():t,`graphql-transport-ws`),a,l;function d(){isFinite(o)&&o>0&&(clearTimeout(l),l=setTimeout(()=>{i.readyState===v.OPEN&&(i.send(Ke({type:I.Ping})),y.emit(`ping`,!1,void 0))},o))}b(e=>{x=void 0,clearTimeout(a),clearTimeout(l),r(e),e instanceof Je&&(i.close(4499,`Terminated`),i.onerror=null,i.onclose=null)}),i.onerror=e=>y.emit(`error`,e),i.onclose=e=>y.emit(`closed`,e),i.onopen=async()=>{try{y.emit(`opened`,i);let e=typeof n==`function`?await n():n;if(i.readyState!==v.OPEN)return;i.send(Ke(e?{type:I.ConnectionInit,payload:e}:{type:I.ConnectionInit},h)),isFinite(c)&&c>0&&(a=setTimeout(()=>{i.close(F.ConnectionAcknowledgementTimeout,`Connection acknowledgement timeout`)},c)),d()}catch(e){y.emit(`error`,e),i.close(F.InternalClientError,Ue(e instanceof Error?e.message:String(e),`Internal client error`))}};let f=!1;i.onmessage=({data:t})=>{try{let n=Ge(t,g);if(y.emit(`message`,n),n.type===`ping`||n.type===`pong`){y.emit(n.type,!0,n.payload),n.type===`pong`?d():s||(i.send(Ke(n.payload?{type:I.Pong,payload:n.payload}:{type:I.Pong},h)),y.emit(`pong`,!1,n.payload));return}if(f)return;if(n.type!==I.ConnectionAck)throw Error(`First message cannot be of type ${n.type}`);clearTimeout(a),f=!0,y.emit(`connected`,i,n.payload,w),w=!1,T=0;let r=new Promise((e,t)=>b(t));r.catch(()=>{}),e([i,r])}catch(e){i.onmessage=null,y.emit(`error`,e),i.close(F.BadResponse,Ue(e instanceof Error?e.message:String(e),`Bad response`))}}})()));e.readyState===v.CLOSING&&await r;let i=()=>{},l=new Promise(e=>i=e);return[e,i,new Promise((t,n)=>{let i=b(n);e.readyState!==v.OPEN&&r.catch(n),l.then(()=>{if(i(),!S){let t=()=>e.close(1e3,`Normal Closure`);isFinite(a)&&a>0?(clearTimeout(C),C=setTimeout(()=>{!S&&e.readyState===v.OPEN&&t()},a)):t()}t()})})]}function D(e){if(Ye(e)&&(Xe(e.code)||[F.InternalServerError,F.InternalClientError,F.BadRequest,F.BadResponse,F.Unauthorized,F.SubprotocolNotAcceptable,F.SubscriberAlreadyExists,F.TooManyInitialisationRequests].includes(e.code)))throw e;if(E)return!1;if(Ye(e)&&e.code===1e3)return S>0;if(!l||T>=l||!d(e))throw e;return w=!0}r||(async()=>{for(S++;;)try{let[,,e]=await ee();await e}catch(e){try{if(!D(e))return}catch(e){return i?.(e)}}})();function te(e,t){let n=m(e),r=!1,i=!1,a=()=>{S--,r=!0};return(async()=>{for(S++;;)try{let[o,s,c]=await ee();if(r)return c.catch(()=>{}),s();let l=y.onMessage(n,e=>{switch(e.type){case I.Next:t.next(e.payload);return;case I.Error:i=!0,r=!0,t.error(e.payload),a();return;case I.Complete:r=!0,a();return}});o.send(Ke({id:n,type:I.Subscribe,payload:e},h)),a=()=>{!r&&o.readyState===v.OPEN&&o.send(Ke({id:n,type:I.Complete},h)),S--,r=!0,s()},await c.finally(l);return}catch(e){if(!D(e))return}})().then(()=>{i||t.complete()}).catch(e=>{t.error(e)}),()=>{r||a()}}return{on:y.on,subscribe:te,iterate(e){let t=[],n={done:!1,error:null,resolve:()=>{}},r=te(e,{next(e){t.push(e),n.resolve()},error(e){n.done=!0,n.error=e,n.resolve()},complete(){n.done=!0,n.resolve()}}),i=async function*(){for(;;){for(t.length||await new Promise(e=>n.resolve=e);t.length;)yield t.shift();if(n.error)throw n.error;if(n.done)return}}();return i.throw=async e=>(n.done||(n.done=!0,n.error=e,n.resolve()),{done:!0,value:void 0}),i.return=async()=>(r(),{done:!0,value:void 0}),i},async dispose(){if(E=!0,x){let[e]=await x;e.close(1e3,`Normal Closure`)}},terminate(){x&&y.emit(`closed`,new Je)}}}var Je=class extends Error{name=`TerminatedCloseEvent`;message=`4499: Terminated`;code=4499;reason=`Terminated`;wasClean=!1};function Ye(e){return Ve(e)&&`code`in e&&`reason`in e}function Xe(e){return![1e3,1001,1006,1005,1012,1013,1014].includes(e)&&e>=1e3&&e<=1999}function Ze(e){return typeof e==`function`&&`constructor`in e&&`CLOSED`in e&&`CLOSING`in e&&`CONNECTING`in e&&`OPEN`in e}var L=class extends Error{code;param;name=`ApiError`;constructor(e,t,n=null){super(e),this.code=t,this.param=n}};function Qe(e,t){let n=e?.[0];return new L(typeof n?.message==`string`?n.message:t,typeof n?.extensions?.code==`string`?n.extensions.code:`internal_error`,typeof n?.extensions?.param==`string`?n.extensions.param:null)}var $e=4403,et=class{key;onUnauthorized;origin;ws;stateListeners=new Set;state=`closed`;everConnected=!1;constructor(e,t,n=window.location.origin){this.key=e,this.onUnauthorized=t,this.origin=n,this.ws=qe({url:`${n.replace(/^http/,`ws`)}/graphql`,connectionParams:{authorization:`Bearer ${e}`},lazy:!0,lazyCloseTimeout:3e3,retryAttempts:1/0,shouldRetry:e=>!tt(e,$e),on:{connecting:()=>this.setState(this.everConnected?`reconnecting`:`connecting`),connected:()=>{this.everConnected=!0,this.setState(`live`)},closed:e=>{tt(e,$e)&&this.onUnauthorized(),this.setState(`closed`)}}})}async request(e,t,n){let r;try{r=await fetch(`${this.origin}/graphql`,{method:`POST`,headers:{"content-type":`application/json`,accept:`application/graphql-response+json, application/json`,authorization:`Bearer ${this.key}`},body:JSON.stringify({query:e.toString(),variables:t}),signal:n})}catch(e){throw n?.aborted?e:new L(`The gateway cannot be reached`,`network_error`)}let i=await r.json().catch(()=>({}));if(r.status===401)throw this.onUnauthorized(),Qe(i.errors,`Missing or invalid API key`);if(i.errors!==void 0&&i.errors.length>0)throw Qe(i.errors,`Request failed (${r.status})`);if(i.data===void 0||i.data===null)throw new L(`Request failed (${r.status})`,`internal_error`);return i.data}subscribe(e,t,n){return this.ws.subscribe({query:e.toString(),variables:t},{next:e=>{e.errors!==void 0&&e.errors.length>0?n.error(Qe(e.errors,`Subscription failed`)):e.data!==void 0&&e.data!==null&&n.next(e.data)},error:e=>n.error(nt(e)),complete:()=>void 0})}onConnectionState(e){return this.stateListeners.add(e),e(this.state),()=>this.stateListeners.delete(e)}dispose(){this.ws.dispose(),this.stateListeners.clear()}setState(e){this.state=e;for(let t of this.stateListeners)t(e)}};function tt(e,t){return typeof e==`object`&&!!e&&`code`in e&&e.code===t}function nt(e){return Array.isArray(e)?Qe(e,`Subscription failed`):tt(e,$e)?new L(`The API key was refused`,`forbidden`):new L(`The live connection to the gateway was lost`,`network_error`)}var rt=me(null);function it(){let e=Me(rt);if(e===null)throw Error(`useClient outside <ClientContext.Provider>`);return e}function R(e,t,n={}){let r=it(),[i,a]=j(void 0),[o,s]=j(void 0),[c,l]=j(!n.skip),[u,d]=j(0),f=JSON.stringify(t),p=Ae(t);return p.current=t,M(()=>{if(n.skip){l(!1);return}let t=new AbortController;return l(!0),r.request(e,p.current,t.signal).then(e=>{a(e),s(void 0)}).catch(e=>{t.signal.aborted||s(e instanceof L?e:new L(String(e),`internal_error`))}).finally(()=>{t.signal.aborted||l(!1)}),()=>t.abort()},[r,e,f,u,n.skip]),{data:i,error:o,loading:c,reload:je(()=>d(e=>e+1),[])}}var at=`mesh-trace.api-key`,ot=/^mtk_(live|test)_[A-Za-z0-9_-]{16,128}$/;function st(e=sessionStorage){let t=e.getItem(at);return t!==null&&ot.test(t)?t:null}function ct(e,t=sessionStorage){t.setItem(at,e)}function lt(e=sessionStorage){e.removeItem(at)}var ut=Symbol.for(`pv`),dt=0;Array.isArray;function z(t,n,r,i,a,o){n||={};var s,c,l=n;if(`ref`in l&&typeof t!=`function`)for(c in l={},n)c==`ref`?s=n[c]:l[c]=n[c];var u={type:t,props:l,key:r,ref:s,__k:null,__:null,__b:0,__e:null,__c:null,constructor:ut,__v:--dt,__i:-1,__u:0};return(a||o)&&(u.__source=a,u.__self=o),e.vnode&&e.vnode(u),u}var ft=`/work/main/ui/src/router.tsx`;function pt(){let{pathname:e,search:t}=window.location;return{path:e.startsWith(`/ui`)?e.slice(3)||`/`:e,query:new URLSearchParams(t)}}var mt=`mesh-trace:navigated`;function ht(e,t={}){let n=gt(e);n!==window.location.pathname+window.location.search&&(t.replace?window.history.replaceState(null,``,n):window.history.pushState(null,``,n),window.dispatchEvent(new Event(mt)))}function gt(e){return`/ui${e}`}function _t(){let[e,t]=j(pt);return M(()=>{let e=()=>t(pt());return window.addEventListener(`popstate`,e),window.addEventListener(mt,e),()=>{window.removeEventListener(`popstate`,e),window.removeEventListener(mt,e)}},[]),e}function vt({to:e,children:t,...n}){return z(`a`,{...n,href:gt(e),onClick:t=>{t.button!==0||t.metaKey||t.ctrlKey||t.shiftKey||t.altKey||(t.preventDefault(),ht(e))},children:t},void 0,!1,{fileName:ft,lineNumber:63,columnNumber:5},this)}var B=class extends String{__apiType;value;__meta__;constructor(e,t){super(e),this.value=e,this.__meta__=t}toString(){return this.value}},yt=new B(`
    fragment AlertRuleRow on AlertRule {
  id
  name
  severity
  status
  state
  stateSince
  lastValue
  lastEvaluatedAt
  channels
  condition {
    metric
    operator
    threshold
    window
    for
    service
    edge {
      source
      target
    }
  }
}
    `,{fragmentName:`AlertRuleRow`}),bt=new B(`
    fragment AlertEventRow on AlertEvent {
  id
  at
  kind
  ruleId
  ruleName
  severity
  value
  condition {
    metric
    operator
    threshold
    window
    for
    service
    edge {
      source
      target
    }
  }
  notifications {
    channel
    status
    attempts
  }
}
    `,{fragmentName:`AlertEventRow`}),xt=new B(`
    fragment TraceRow on Trace {
  traceId
  startTime
  durationMs
  spanCount
  errorCount
  status
  rootServiceName
  rootOperation
  services
}
    `,{fragmentName:`TraceRow`}),St=new B(`
    fragment ScalarValue on AnyValue {
  __typename
  ... on StringValue {
    stringValue
  }
  ... on BoolValue {
    boolValue
  }
  ... on IntValue {
    intValue
  }
  ... on DoubleValue {
    doubleValue
    text
  }
  ... on BytesValue {
    bytesValue
  }
  ... on EmptyValue {
    empty
  }
}
    `,{fragmentName:`ScalarValue`}),Ct=new B(`
    fragment NestedValue on AnyValue {
  ...ScalarValue
  ... on ArrayValue {
    arrayValue {
      ...ScalarValue
    }
  }
  ... on KvlistValue {
    kvlistValue {
      key
      valueType
      value {
        ...ScalarValue
      }
    }
  }
}
    fragment ScalarValue on AnyValue {
  __typename
  ... on StringValue {
    stringValue
  }
  ... on BoolValue {
    boolValue
  }
  ... on IntValue {
    intValue
  }
  ... on DoubleValue {
    doubleValue
    text
  }
  ... on BytesValue {
    bytesValue
  }
  ... on EmptyValue {
    empty
  }
}`,{fragmentName:`NestedValue`}),wt=new B(`
    fragment AttributeDetail on Attribute {
  key
  valueType
  value {
    ...ScalarValue
    ... on ArrayValue {
      arrayValue {
        ...NestedValue
      }
    }
    ... on KvlistValue {
      kvlistValue {
        key
        valueType
        value {
          ...NestedValue
        }
      }
    }
  }
}
    fragment ScalarValue on AnyValue {
  __typename
  ... on StringValue {
    stringValue
  }
  ... on BoolValue {
    boolValue
  }
  ... on IntValue {
    intValue
  }
  ... on DoubleValue {
    doubleValue
    text
  }
  ... on BytesValue {
    bytesValue
  }
  ... on EmptyValue {
    empty
  }
}
fragment NestedValue on AnyValue {
  ...ScalarValue
  ... on ArrayValue {
    arrayValue {
      ...ScalarValue
    }
  }
  ... on KvlistValue {
    kvlistValue {
      key
      valueType
      value {
        ...ScalarValue
      }
    }
  }
}`,{fragmentName:`AttributeDetail`}),Tt={"\n  fragment AlertRuleRow on AlertRule {\n    id\n    name\n    severity\n    status\n    state\n    stateSince\n    lastValue\n    lastEvaluatedAt\n    channels\n    condition {\n      metric\n      operator\n      threshold\n      window\n      for\n      service\n      edge {\n        source\n        target\n      }\n    }\n  }\n":yt,"\n  fragment AlertEventRow on AlertEvent {\n    id\n    at\n    kind\n    ruleId\n    ruleName\n    severity\n    value\n    condition {\n      metric\n      operator\n      threshold\n      window\n      for\n      service\n      edge {\n        source\n        target\n      }\n    }\n    notifications {\n      channel\n      status\n      attempts\n    }\n  }\n":bt,"\n  query ConsoleAlertRules {\n    alertRules(first: 500) {\n      edges {\n        node {\n          ...AlertRuleRow\n        }\n      }\n    }\n    alertChannels {\n      kind\n    }\n  }\n":new B(`
    query ConsoleAlertRules {
  alertRules(first: 500) {
    edges {
      node {
        ...AlertRuleRow
      }
    }
  }
  alertChannels {
    kind
  }
}
    fragment AlertRuleRow on AlertRule {
  id
  name
  severity
  status
  state
  stateSince
  lastValue
  lastEvaluatedAt
  channels
  condition {
    metric
    operator
    threshold
    window
    for
    service
    edge {
      source
      target
    }
  }
}`),"\n  mutation ConsoleCreateAlertRule($input: CreateAlertRuleInput!) {\n    createAlertRule(input: $input) {\n      ...AlertRuleRow\n    }\n  }\n":new B(`
    mutation ConsoleCreateAlertRule($input: CreateAlertRuleInput!) {
  createAlertRule(input: $input) {
    ...AlertRuleRow
  }
}
    fragment AlertRuleRow on AlertRule {
  id
  name
  severity
  status
  state
  stateSince
  lastValue
  lastEvaluatedAt
  channels
  condition {
    metric
    operator
    threshold
    window
    for
    service
    edge {
      source
      target
    }
  }
}`),"\n  mutation ConsoleUpdateAlertRule($id: ID!, $input: UpdateAlertRuleInput!) {\n    updateAlertRule(id: $id, input: $input) {\n      ...AlertRuleRow\n    }\n  }\n":new B(`
    mutation ConsoleUpdateAlertRule($id: ID!, $input: UpdateAlertRuleInput!) {
  updateAlertRule(id: $id, input: $input) {
    ...AlertRuleRow
  }
}
    fragment AlertRuleRow on AlertRule {
  id
  name
  severity
  status
  state
  stateSince
  lastValue
  lastEvaluatedAt
  channels
  condition {
    metric
    operator
    threshold
    window
    for
    service
    edge {
      source
      target
    }
  }
}`),"\n  mutation ConsolePauseAlertRule($id: ID!) {\n    pauseAlertRule(id: $id) {\n      ...AlertRuleRow\n    }\n  }\n":new B(`
    mutation ConsolePauseAlertRule($id: ID!) {
  pauseAlertRule(id: $id) {
    ...AlertRuleRow
  }
}
    fragment AlertRuleRow on AlertRule {
  id
  name
  severity
  status
  state
  stateSince
  lastValue
  lastEvaluatedAt
  channels
  condition {
    metric
    operator
    threshold
    window
    for
    service
    edge {
      source
      target
    }
  }
}`),"\n  mutation ConsoleResumeAlertRule($id: ID!) {\n    resumeAlertRule(id: $id) {\n      ...AlertRuleRow\n    }\n  }\n":new B(`
    mutation ConsoleResumeAlertRule($id: ID!) {
  resumeAlertRule(id: $id) {
    ...AlertRuleRow
  }
}
    fragment AlertRuleRow on AlertRule {
  id
  name
  severity
  status
  state
  stateSince
  lastValue
  lastEvaluatedAt
  channels
  condition {
    metric
    operator
    threshold
    window
    for
    service
    edge {
      source
      target
    }
  }
}`),"\n  mutation ConsoleDeleteAlertRule($id: ID!) {\n    deleteAlertRule(id: $id)\n  }\n":new B(`
    mutation ConsoleDeleteAlertRule($id: ID!) {
  deleteAlertRule(id: $id)
}
    `),"\n  query ConsoleAlertEvents {\n    alertEvents(first: 50) {\n      edges {\n        node {\n          ...AlertEventRow\n        }\n      }\n    }\n  }\n":new B(`
    query ConsoleAlertEvents {
  alertEvents(first: 50) {
    edges {
      node {
        ...AlertEventRow
      }
    }
  }
}
    fragment AlertEventRow on AlertEvent {
  id
  at
  kind
  ruleId
  ruleName
  severity
  value
  condition {
    metric
    operator
    threshold
    window
    for
    service
    edge {
      source
      target
    }
  }
  notifications {
    channel
    status
    attempts
  }
}`),"\n  subscription ConsoleAlertEventFeed {\n    alertEvents {\n      ...AlertEventRow\n    }\n  }\n":new B(`
    subscription ConsoleAlertEventFeed {
  alertEvents {
    ...AlertEventRow
  }
}
    fragment AlertEventRow on AlertEvent {
  id
  at
  kind
  ruleId
  ruleName
  severity
  value
  condition {
    metric
    operator
    threshold
    window
    for
    service
    edge {
      source
      target
    }
  }
  notifications {
    channel
    status
    attempts
  }
}`),"\n  query ConsoleAlertServiceNames {\n    services(limit: 1000) {\n      services {\n        name\n      }\n    }\n  }\n":new B(`
    query ConsoleAlertServiceNames {
  services(limit: 1000) {
    services {
      name
    }
  }
}
    `),"\n  query ConsoleKeyCheck {\n    nodes(first: 1) {\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n":new B(`
    query ConsoleKeyCheck {
  nodes(first: 1) {
    pageInfo {
      hasNextPage
    }
  }
}
    `),"\n  query ConsoleTopology($from: DateTime!, $to: DateTime!, $cluster: String) {\n    topology(from: $from, to: $to, cluster: $cluster) {\n      from\n      to\n      cluster\n      nodes {\n        id\n        type\n      }\n      edges {\n        source\n        target\n        requestCount\n        errorCount\n        errorRate\n        p50LatencyMs\n        p99LatencyMs\n      }\n    }\n  }\n":new B(`
    query ConsoleTopology($from: DateTime!, $to: DateTime!, $cluster: String) {
  topology(from: $from, to: $to, cluster: $cluster) {
    from
    to
    cluster
    nodes {
      id
      type
    }
    edges {
      source
      target
      requestCount
      errorCount
      errorRate
      p50LatencyMs
      p99LatencyMs
    }
  }
}
    `),"\n  query ConsoleNodes($first: Int!) {\n    nodes(first: $first) {\n      totalCount\n      edges {\n        node {\n          nodeId\n          cluster\n          version\n          status\n          statusReasons\n          statusSince\n          lastHeartbeat\n          cpuPercent\n          memoryMb\n          spansIngested1h\n          health {\n            ingestionRateSps\n            bufferUtilizationPct\n            samplingRate\n            otlpGrpcActive\n            otlpHttpActive\n          }\n        }\n      }\n    }\n  }\n":new B(`
    query ConsoleNodes($first: Int!) {
  nodes(first: $first) {
    totalCount
    edges {
      node {
        nodeId
        cluster
        version
        status
        statusReasons
        statusSince
        lastHeartbeat
        cpuPercent
        memoryMb
        spansIngested1h
        health {
          ingestionRateSps
          bufferUtilizationPct
          samplingRate
          otlpGrpcActive
          otlpHttpActive
        }
      }
    }
  }
}
    `),"\n  subscription ConsoleNodeHeartbeat {\n    nodeHeartbeat {\n      nodeId\n      cluster\n      version\n      status\n      statusReasons\n      receivedAt\n      cpuPercent\n      memoryMb\n      ingestionRateSps\n      bufferUtilizationPct\n      samplingRate\n      otlpGrpcActive\n      otlpHttpActive\n    }\n  }\n":new B(`
    subscription ConsoleNodeHeartbeat {
  nodeHeartbeat {
    nodeId
    cluster
    version
    status
    statusReasons
    receivedAt
    cpuPercent
    memoryMb
    ingestionRateSps
    bufferUtilizationPct
    samplingRate
    otlpGrpcActive
    otlpHttpActive
  }
}
    `),"\n  subscription ConsoleNodeStatus {\n    nodeStatusChanged {\n      nodeId\n      cluster\n      status\n      previousStatus\n      statusReasons\n      changedAt\n    }\n  }\n":new B(`
    subscription ConsoleNodeStatus {
  nodeStatusChanged {
    nodeId
    cluster
    status
    previousStatus
    statusReasons
    changedAt
  }
}
    `),"\n  fragment TraceRow on Trace {\n    traceId\n    startTime\n    durationMs\n    spanCount\n    errorCount\n    status\n    rootServiceName\n    rootOperation\n    services\n  }\n":xt,"\n  query ConsoleTraces($filter: TraceFilter, $orderBy: TraceOrderBy, $first: Int!, $after: String) {\n    traces(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...TraceRow\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n":new B(`
    query ConsoleTraces($filter: TraceFilter, $orderBy: TraceOrderBy, $first: Int!, $after: String) {
  traces(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    edges {
      cursor
      node {
        ...TraceRow
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment TraceRow on Trace {
  traceId
  startTime
  durationMs
  spanCount
  errorCount
  status
  rootServiceName
  rootOperation
  services
}`),"\n  query ConsoleSearchTraces($query: String!, $from: DateTime!, $to: DateTime!, $first: Int!, $after: String) {\n    searchTraces(query: $query, from: $from, to: $to, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...TraceRow\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n":new B(`
    query ConsoleSearchTraces($query: String!, $from: DateTime!, $to: DateTime!, $first: Int!, $after: String) {
  searchTraces(query: $query, from: $from, to: $to, first: $first, after: $after) {
    edges {
      cursor
      node {
        ...TraceRow
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment TraceRow on Trace {
  traceId
  startTime
  durationMs
  spanCount
  errorCount
  status
  rootServiceName
  rootOperation
  services
}`),"\n  query ConsoleServiceNames {\n    services(limit: 1000) {\n      services {\n        name\n      }\n    }\n  }\n":new B(`
    query ConsoleServiceNames {
  services(limit: 1000) {
    services {
      name
    }
  }
}
    `),"\n  query ConsoleServices($from: DateTime!, $to: DateTime!, $step: Int) {\n    services(from: $from, to: $to, limit: 1000) {\n      totalCount\n      services {\n        name\n        namespace\n        cluster\n        requestCount\n        errorCount\n        errorRate\n        p50LatencyMs\n        p99LatencyMs\n        lastSeen\n        series(step: $step) {\n          start\n          requestCount\n          errorRate\n          p99LatencyMs\n        }\n      }\n    }\n  }\n":new B(`
    query ConsoleServices($from: DateTime!, $to: DateTime!, $step: Int) {
  services(from: $from, to: $to, limit: 1000) {
    totalCount
    services {
      name
      namespace
      cluster
      requestCount
      errorCount
      errorRate
      p50LatencyMs
      p99LatencyMs
      lastSeen
      series(step: $step) {
        start
        requestCount
        errorRate
        p99LatencyMs
      }
    }
  }
}
    `),"\n  fragment ScalarValue on AnyValue {\n    __typename\n    ... on StringValue {\n      stringValue\n    }\n    ... on BoolValue {\n      boolValue\n    }\n    ... on IntValue {\n      intValue\n    }\n    ... on DoubleValue {\n      doubleValue\n      text\n    }\n    ... on BytesValue {\n      bytesValue\n    }\n    ... on EmptyValue {\n      empty\n    }\n  }\n":St,"\n  fragment NestedValue on AnyValue {\n    ...ScalarValue\n    ... on ArrayValue {\n      arrayValue {\n        ...ScalarValue\n      }\n    }\n    ... on KvlistValue {\n      kvlistValue {\n        key\n        valueType\n        value {\n          ...ScalarValue\n        }\n      }\n    }\n  }\n":Ct,"\n  fragment AttributeDetail on Attribute {\n    key\n    valueType\n    value {\n      ...ScalarValue\n      ... on ArrayValue {\n        arrayValue {\n          ...NestedValue\n        }\n      }\n      ... on KvlistValue {\n        kvlistValue {\n          key\n          valueType\n          value {\n            ...NestedValue\n          }\n        }\n      }\n    }\n  }\n":wt,"\n  query ConsoleSpan($traceId: String!, $spanId: String!) {\n    span(traceId: $traceId, spanId: $spanId) {\n      traceId\n      spanId\n      parentSpanId\n      name\n      kind\n      serviceName\n      serviceNamespace\n      startTime\n      endTime\n      durationMs\n      traceState\n      flags\n      issueFingerprint\n      status {\n        code\n        message\n      }\n      attributes {\n        ...AttributeDetail\n      }\n      droppedAttributesCount\n      events {\n        name\n        time\n        timeUnixNano\n        droppedAttributesCount\n        attributes {\n          ...AttributeDetail\n        }\n      }\n      droppedEventsCount\n      links {\n        traceId\n        spanId\n        traceState\n        flags\n        droppedAttributesCount\n        attributes {\n          ...AttributeDetail\n        }\n      }\n      droppedLinksCount\n      resource {\n        schemaUrl\n        droppedAttributesCount\n        attributes {\n          ...AttributeDetail\n        }\n      }\n      scope {\n        name\n        version\n        schemaUrl\n        droppedAttributesCount\n        attributes {\n          ...AttributeDetail\n        }\n      }\n    }\n  }\n":new B(`
    query ConsoleSpan($traceId: String!, $spanId: String!) {
  span(traceId: $traceId, spanId: $spanId) {
    traceId
    spanId
    parentSpanId
    name
    kind
    serviceName
    serviceNamespace
    startTime
    endTime
    durationMs
    traceState
    flags
    issueFingerprint
    status {
      code
      message
    }
    attributes {
      ...AttributeDetail
    }
    droppedAttributesCount
    events {
      name
      time
      timeUnixNano
      droppedAttributesCount
      attributes {
        ...AttributeDetail
      }
    }
    droppedEventsCount
    links {
      traceId
      spanId
      traceState
      flags
      droppedAttributesCount
      attributes {
        ...AttributeDetail
      }
    }
    droppedLinksCount
    resource {
      schemaUrl
      droppedAttributesCount
      attributes {
        ...AttributeDetail
      }
    }
    scope {
      name
      version
      schemaUrl
      droppedAttributesCount
      attributes {
        ...AttributeDetail
      }
    }
  }
}
    fragment ScalarValue on AnyValue {
  __typename
  ... on StringValue {
    stringValue
  }
  ... on BoolValue {
    boolValue
  }
  ... on IntValue {
    intValue
  }
  ... on DoubleValue {
    doubleValue
    text
  }
  ... on BytesValue {
    bytesValue
  }
  ... on EmptyValue {
    empty
  }
}
fragment NestedValue on AnyValue {
  ...ScalarValue
  ... on ArrayValue {
    arrayValue {
      ...ScalarValue
    }
  }
  ... on KvlistValue {
    kvlistValue {
      key
      valueType
      value {
        ...ScalarValue
      }
    }
  }
}
fragment AttributeDetail on Attribute {
  key
  valueType
  value {
    ...ScalarValue
    ... on ArrayValue {
      arrayValue {
        ...NestedValue
      }
    }
    ... on KvlistValue {
      kvlistValue {
        key
        valueType
        value {
          ...NestedValue
        }
      }
    }
  }
}`),"\n  query ConsoleTrace($traceId: String!) {\n    trace(traceId: $traceId) {\n      traceId\n      startTime\n      durationMs\n      spanCount\n      errorCount\n      status\n      services\n      rootServiceName\n      rootOperation\n      spans {\n        spanId\n        parentSpanId\n        name\n        serviceName\n        kind\n        durationMs\n        startTimeUnixNano\n        endTimeUnixNano\n        status {\n          code\n        }\n      }\n    }\n  }\n":new B(`
    query ConsoleTrace($traceId: String!) {
  trace(traceId: $traceId) {
    traceId
    startTime
    durationMs
    spanCount
    errorCount
    status
    services
    rootServiceName
    rootOperation
    spans {
      spanId
      parentSpanId
      name
      serviceName
      kind
      durationMs
      startTimeUnixNano
      endTimeUnixNano
      status {
        code
      }
    }
  }
}
    `)};function V(e){return Tt[e]??{}}function Et(e){if(!Number.isFinite(e))return`—`;let t=Math.abs(e);if(t===0)return`0 ms`;if(t<1)return`${Dt(e*1e3,3)} µs`;if(t<1e3)return`${Dt(e,3)} ms`;if(t<6e4)return`${Dt(e/1e3,3)} s`;let n=Math.floor(t/6e4),r=Math.round(t%6e4/1e3);return`${e<0?`-`:``}${n} min ${r} s`}function Dt(e,t){return String(Number(e.toPrecision(t)))}function Ot(e){return e==null?`—`:Et(e)}function kt(e){if(e===0)return`0 %`;let t=e*100;return`${t<.01?`<0.01`:Dt(t,t<1?2:3)} %`}function At(e){let t=typeof e==`string`?Number(e):e;return Number.isFinite(t)?Math.abs(t)<1e4?t.toLocaleString(`en-US`):Math.abs(t)<1e6?`${Dt(t/1e3,3)}k`:Math.abs(t)<1e9?`${Dt(t/1e6,3)}M`:`${Dt(t/1e9,3)}G`:String(e)}function jt(e,t){let n=typeof e==`string`?Number(e):e;if(t<=0||!Number.isFinite(n))return`—`;let r=n/t;return r===0?`0/s`:r>=1?`${Dt(r,3)}/s`:r*60>=1?`${Dt(r*60,3)}/min`:`${Dt(r*3600,3)}/h`}function Mt(e,t=2){return String(e).padStart(t,`0`)}function Nt(e){let t=new Date(e);return Number.isNaN(t.getTime())?e:`${Mt(t.getHours())}:${Mt(t.getMinutes())}:${Mt(t.getSeconds())}.${Mt(t.getMilliseconds(),3)}`}function Pt(e){let t=new Date(e);return Number.isNaN(t.getTime())?e:`${t.getFullYear()}-${Mt(t.getMonth()+1)}-${Mt(t.getDate())} ${Mt(t.getHours())}:${Mt(t.getMinutes())}:${Mt(t.getSeconds())}`}function Ft(e,t){let n=Math.max(0,Math.round((t-new Date(e).getTime())/1e3));return n<60?`${n} s ago`:n<3600?`${Math.floor(n/60)} min ago`:n<86400?`${Math.floor(n/3600)} h ago`:`${Math.floor(n/86400)} d ago`}var It=[{id:`15m`,label:`Last 15 minutes`,seconds:900},{id:`1h`,label:`Last hour`,seconds:3600},{id:`6h`,label:`Last 6 hours`,seconds:21600},{id:`24h`,label:`Last 24 hours`,seconds:86400},{id:`7d`,label:`Last 7 days`,seconds:604800}];function Lt(e){return It.some(t=>t.id===e)}function Rt(e){return It.find(t=>t.id===e)?.seconds??3600}function zt(e,t){return{from:new Date(t-Rt(e)*1e3).toISOString(),to:new Date(t).toISOString()}}var Bt=`/work/main/ui/src/views/shared.tsx`;function H({error:e,context:t}){return z(`div`,{class:`error-box`,role:`alert`,children:[z(`strong`,{children:[t,`:`]},void 0,!0,{fileName:Bt,lineNumber:8,columnNumber:7},this),` `,e.message,e.param!==null&&z(`span`,{class:`muted`,children:[` `,`(parameter `,z(`code`,{children:e.param},void 0,!1,{fileName:Bt,lineNumber:12,columnNumber:22},this),`, code `,z(`code`,{children:e.code},void 0,!1,{fileName:Bt,lineNumber:12,columnNumber:55},this),`)`]},void 0,!0,{fileName:Bt,lineNumber:10,columnNumber:9},this)]},void 0,!0,{fileName:Bt,lineNumber:7,columnNumber:5},this)}function Vt({value:e,onChange:t,id:n}){return z(`label`,{for:n,children:[`Window`,z(`select`,{id:n,value:e,onChange:e=>t(e.currentTarget.value),children:It.map(e=>z(`option`,{value:e.id,children:e.label},e.id,!1,{fileName:Bt,lineNumber:25,columnNumber:11},this))},void 0,!1,{fileName:Bt,lineNumber:23,columnNumber:7},this)]},void 0,!0,{fileName:Bt,lineNumber:21,columnNumber:5},this)}var Ht=[{id:`ERROR_RATE`,label:`Error rate`,unit:`fraction, 0.05 = 5 %`},{id:`P99_LATENCY_MS`,label:`p99 latency`,unit:`ms`},{id:`P95_LATENCY_MS`,label:`p95 latency`,unit:`ms`},{id:`P90_LATENCY_MS`,label:`p90 latency`,unit:`ms`},{id:`P50_LATENCY_MS`,label:`p50 latency`,unit:`ms`},{id:`REQUEST_COUNT`,label:`Request count`,unit:`requests in the window`}],Ut=[{id:`GT`,symbol:`>`},{id:`GTE`,symbol:`≥`},{id:`LT`,symbol:`<`},{id:`LTE`,symbol:`≤`},{id:`EQ`,symbol:`=`},{id:`NEQ`,symbol:`≠`}],Wt=[`CRITICAL`,`WARNING`,`INFO`],Gt=[`SLACK`,`EMAIL`,`PAGERDUTY`,`WEBHOOK`],Kt={name:``,target:`service`,service:``,edgeSource:``,edgeTarget:``,metric:`ERROR_RATE`,operator:`GT`,threshold:``,window:`5m`,for:``,severity:`WARNING`,channels:[]};function qt(e){let t=e.condition;return{name:e.name,target:t.edge?`edge`:`service`,service:t.service??``,edgeSource:t.edge?.source??``,edgeTarget:t.edge?.target??``,metric:t.metric,operator:t.operator,threshold:String(t.threshold),window:t.window,for:t.for??``,severity:e.severity,channels:[...e.channels]}}function Jt(e){return e.trim()===``?NaN:Number(e)}function Yt(e){return e.target===`service`?{service:e.service.trim()}:{edge:{source:e.edgeSource.trim(),target:e.edgeTarget.trim()}}}function Xt(e){return{name:e.name.trim(),severity:e.severity,channels:[...e.channels],condition:{...Yt(e),metric:e.metric,operator:e.operator,threshold:Jt(e.threshold),window:e.window.trim(),...e.for.trim()===``?{}:{for:e.for.trim()}}}}function Zt(e){return{name:e.name.trim(),severity:e.severity,channels:[...e.channels],condition:{...Yt(e),metric:e.metric,operator:e.operator,threshold:Jt(e.threshold),window:e.window.trim(),for:e.for.trim()===``?null:e.for.trim()}}}function Qt(e){return Number.isFinite(Jt(e.threshold))?null:`Enter the threshold as a number`}function $t(e){let t=Ht.find(t=>t.id===e.metric)?.label.toLowerCase()??e.metric,n=Ut.find(t=>t.id===e.operator)?.symbol??e.operator,r=e.metric.endsWith(`_MS`)?` ms`:``;return`${t} ${n} ${e.threshold}${r} over ${e.window}${e.for?` for ${e.for}`:``}`}function en(e){return e.edge?`${e.edge.source} → ${e.edge.target}`:e.service??``}var U=`/work/main/ui/src/views/alerts/alerts-view.tsx`;V(`
  fragment AlertRuleRow on AlertRule {
    id
    name
    severity
    status
    state
    stateSince
    lastValue
    lastEvaluatedAt
    channels
    condition {
      metric
      operator
      threshold
      window
      for
      service
      edge {
        source
        target
      }
    }
  }
`),V(`
  fragment AlertEventRow on AlertEvent {
    id
    at
    kind
    ruleId
    ruleName
    severity
    value
    condition {
      metric
      operator
      threshold
      window
      for
      service
      edge {
        source
        target
      }
    }
    notifications {
      channel
      status
      attempts
    }
  }
`);var tn=V(`
  query ConsoleAlertRules {
    alertRules(first: 500) {
      edges {
        node {
          ...AlertRuleRow
        }
      }
    }
    alertChannels {
      kind
    }
  }
`),nn=V(`
  mutation ConsoleCreateAlertRule($input: CreateAlertRuleInput!) {
    createAlertRule(input: $input) {
      ...AlertRuleRow
    }
  }
`),rn=V(`
  mutation ConsoleUpdateAlertRule($id: ID!, $input: UpdateAlertRuleInput!) {
    updateAlertRule(id: $id, input: $input) {
      ...AlertRuleRow
    }
  }
`),an=V(`
  mutation ConsolePauseAlertRule($id: ID!) {
    pauseAlertRule(id: $id) {
      ...AlertRuleRow
    }
  }
`),on=V(`
  mutation ConsoleResumeAlertRule($id: ID!) {
    resumeAlertRule(id: $id) {
      ...AlertRuleRow
    }
  }
`),sn=V(`
  mutation ConsoleDeleteAlertRule($id: ID!) {
    deleteAlertRule(id: $id)
  }
`),cn=V(`
  query ConsoleAlertEvents {
    alertEvents(first: 50) {
      edges {
        node {
          ...AlertEventRow
        }
      }
    }
  }
`),ln=V(`
  subscription ConsoleAlertEventFeed {
    alertEvents {
      ...AlertEventRow
    }
  }
`),un=V(`
  query ConsoleAlertServiceNames {
    services(limit: 1000) {
      services {
        name
      }
    }
  }
`),dn=100;function fn(){return M(()=>{document.title=`Alerts · Mesh-Trace`},[]),z(`section`,{"aria-labelledby":`alerts-title`,class:`view`,children:[z(`h1`,{id:`alerts-title`,tabIndex:-1,children:`Alerts`},void 0,!1,{fileName:U,lineNumber:172,columnNumber:7},this),z(pn,{},void 0,!1,{fileName:U,lineNumber:175,columnNumber:7},this),z(hn,{},void 0,!1,{fileName:U,lineNumber:176,columnNumber:7},this)]},void 0,!0,{fileName:U,lineNumber:171,columnNumber:5},this)}function pn(){let e=it(),{data:t,error:n,loading:r,reload:i}=R(tn,{}),a=R(un,{}),o=N(()=>[...new Set(a.data?.services.services.map(e=>e.name)??[])].sort(),[a.data]),[s,c]=j(null),[l,u]=j(null),[d,f]=j(null),[p,m]=j(``),h=Ae(null),g=new Set(t?.alertChannels.map(e=>e.kind)??[]),_=t?.alertRules.edges.map(e=>e.node)??[];async function v(e,t){u(null);try{await e(),m(t),i()}catch(e){u(e instanceof L?e:new L(String(e),`internal_error`))}}return n?.code===`forbidden`?z(`section`,{"aria-labelledby":`rules-title`,children:[z(`h2`,{id:`rules-title`,children:`Rules`},void 0,!1,{fileName:U,lineNumber:210,columnNumber:9},this),z(`p`,{children:`Managing alert rules needs an API key with the admin permission; this key can read the event feed below.`},void 0,!1,{fileName:U,lineNumber:211,columnNumber:9},this)]},void 0,!0,{fileName:U,lineNumber:209,columnNumber:7},this):z(`section`,{"aria-labelledby":`rules-title`,"aria-busy":r,children:[z(`div`,{class:`section-head`,children:[z(`h2`,{id:`rules-title`,children:`Rules`},void 0,!1,{fileName:U,lineNumber:219,columnNumber:9},this),s===null&&z(`button`,{type:`button`,ref:h,onClick:()=>c({mode:`create`}),children:`New rule`},void 0,!1,{fileName:U,lineNumber:221,columnNumber:11},this)]},void 0,!0,{fileName:U,lineNumber:218,columnNumber:7},this),z(`p`,{class:`visually-hidden`,role:`status`,children:p},void 0,!1,{fileName:U,lineNumber:226,columnNumber:7},this),n!==void 0&&z(H,{error:n,context:`Rules could not be loaded`},void 0,!1,{fileName:U,lineNumber:229,columnNumber:31},this),l!==null&&z(H,{error:l,context:`The change was refused`},void 0,!1,{fileName:U,lineNumber:230,columnNumber:32},this),s!==null&&z(mn,{initial:s.mode===`edit`?qt(s.rule):Kt,title:s.mode===`edit`?`Edit rule “${s.rule.name}”`:`New rule`,submitLabel:s.mode===`edit`?`Save rule`:`Create rule`,configured:g,serviceNames:o,onCancel:()=>{c(null),u(null)},onSubmit:async t=>{u(null);try{return s.mode===`edit`?await e.request(rn,{id:s.rule.id,input:Zt(t)}):await e.request(nn,{input:Xt(t)}),m(s.mode===`edit`?`Rule ${t.name} saved`:`Rule ${t.name} created`),c(null),i(),null}catch(e){return e instanceof L?e:new L(String(e),`internal_error`)}}},s.mode===`edit`?s.rule.id:`new`,!1,{fileName:U,lineNumber:232,columnNumber:9},this),t!==void 0&&_.length===0&&s===null&&z(`p`,{children:`No alert rules yet.`},void 0,!1,{fileName:U,lineNumber:258,columnNumber:72},this),_.length>0&&z(`table`,{class:`rules-table`,children:[z(`caption`,{class:`visually-hidden`,children:`Alert rules in creation order`},void 0,!1,{fileName:U,lineNumber:261,columnNumber:11},this),z(`thead`,{children:z(`tr`,{children:[z(`th`,{scope:`col`,children:`Rule`},void 0,!1,{fileName:U,lineNumber:264,columnNumber:15},this),z(`th`,{scope:`col`,children:`Watches`},void 0,!1,{fileName:U,lineNumber:265,columnNumber:15},this),z(`th`,{scope:`col`,children:`Condition`},void 0,!1,{fileName:U,lineNumber:266,columnNumber:15},this),z(`th`,{scope:`col`,children:`Severity`},void 0,!1,{fileName:U,lineNumber:267,columnNumber:15},this),z(`th`,{scope:`col`,children:`Channels`},void 0,!1,{fileName:U,lineNumber:268,columnNumber:15},this),z(`th`,{scope:`col`,children:`State`},void 0,!1,{fileName:U,lineNumber:269,columnNumber:15},this),z(`th`,{scope:`col`,children:z(`span`,{class:`visually-hidden`,children:`Actions`},void 0,!1,{fileName:U,lineNumber:271,columnNumber:17},this)},void 0,!1,{fileName:U,lineNumber:270,columnNumber:15},this)]},void 0,!0,{fileName:U,lineNumber:263,columnNumber:13},this)},void 0,!1,{fileName:U,lineNumber:262,columnNumber:11},this),z(`tbody`,{children:_.map(t=>z(`tr`,{"data-rule-id":t.id,"data-rule-status":t.status,children:[z(`th`,{scope:`row`,children:[t.name,z(`div`,{class:`muted small mono`,children:t.id},void 0,!1,{fileName:U,lineNumber:280,columnNumber:19},this)]},void 0,!0,{fileName:U,lineNumber:278,columnNumber:17},this),z(`td`,{children:en(t.condition)},void 0,!1,{fileName:U,lineNumber:282,columnNumber:17},this),z(`td`,{children:$t(t.condition)},void 0,!1,{fileName:U,lineNumber:283,columnNumber:17},this),z(`td`,{children:z(`span`,{class:`severity severity-${t.severity.toLowerCase()}`,children:t.severity.toLowerCase()},void 0,!1,{fileName:U,lineNumber:285,columnNumber:19},this)},void 0,!1,{fileName:U,lineNumber:284,columnNumber:17},this),z(`td`,{children:t.channels.map(e=>z(`span`,{class:`chip${g.has(e)?``:` chip-warn`}`,title:g.has(e)?void 0:`Channel not configured: notifications will fail`,children:[e.toLowerCase(),g.has(e)?``:` (not configured)`]},e,!0,{fileName:U,lineNumber:289,columnNumber:21},this))},void 0,!1,{fileName:U,lineNumber:287,columnNumber:17},this),z(`td`,{children:[z(`span`,{class:`state state-${t.state.toLowerCase()}`,children:t.status===`PAUSED`?`paused`:t.state.toLowerCase()},void 0,!1,{fileName:U,lineNumber:296,columnNumber:19},this),t.lastValue!==null&&t.lastValue!==void 0&&z(`div`,{class:`muted small`,children:[`last value `,t.lastValue]},void 0,!0,{fileName:U,lineNumber:297,columnNumber:73},this),t.stateSince&&z(`div`,{class:`muted small`,children:[`since `,Pt(t.stateSince)]},void 0,!0,{fileName:U,lineNumber:298,columnNumber:36},this)]},void 0,!0,{fileName:U,lineNumber:295,columnNumber:17},this),z(`td`,{class:`row-actions`,children:d===t.id?z(b,{children:[z(`button`,{type:`button`,class:`danger`,onClick:()=>{f(null),v(()=>e.request(sn,{id:t.id}),`Rule ${t.name} deleted`).then(()=>h.current?.focus())},children:[`Confirm delete of `,t.name]},void 0,!0,{fileName:U,lineNumber:303,columnNumber:23},this),z(`button`,{type:`button`,class:`quiet`,onClick:()=>f(null),children:`Keep`},void 0,!1,{fileName:U,lineNumber:313,columnNumber:23},this)]},void 0,!0,{fileName:U,lineNumber:302,columnNumber:21},this):z(b,{children:[z(`button`,{type:`button`,class:`quiet`,"aria-label":`Edit ${t.name}`,onClick:()=>c({mode:`edit`,rule:t}),children:`Edit`},void 0,!1,{fileName:U,lineNumber:319,columnNumber:23},this),t.status===`ACTIVE`?z(`button`,{type:`button`,class:`quiet`,"aria-label":`Pause ${t.name}`,onClick:()=>void v(()=>e.request(an,{id:t.id}),`Rule ${t.name} paused`),children:`Pause`},void 0,!1,{fileName:U,lineNumber:323,columnNumber:25},this):z(`button`,{type:`button`,class:`quiet`,"aria-label":`Resume ${t.name}`,onClick:()=>void v(()=>e.request(on,{id:t.id}),`Rule ${t.name} resumed`),children:`Resume`},void 0,!1,{fileName:U,lineNumber:327,columnNumber:25},this),z(`button`,{type:`button`,class:`quiet`,"aria-label":`Delete ${t.name}`,onClick:()=>f(t.id),children:`Delete`},void 0,!1,{fileName:U,lineNumber:331,columnNumber:23},this)]},void 0,!0,{fileName:U,lineNumber:318,columnNumber:21},this)},void 0,!1,{fileName:U,lineNumber:300,columnNumber:17},this)]},t.id,!0,{fileName:U,lineNumber:277,columnNumber:15},this))},void 0,!1,{fileName:U,lineNumber:275,columnNumber:11},this)]},void 0,!0,{fileName:U,lineNumber:260,columnNumber:9},this)]},void 0,!0,{fileName:U,lineNumber:217,columnNumber:5},this)}function mn({initial:e,title:t,submitLabel:n,configured:r,serviceNames:i,onCancel:a,onSubmit:o}){let[s,c]=j(e),[l,u]=j(null),[d,f]=j(null),[p,m]=j(!1),h=Ae(null),g=e=>c(t=>({...t,...e})),_=Ht.find(e=>e.id===s.metric)?.unit??``;M(()=>h.current?.focus(),[]);async function v(e){e.preventDefault();let t=Qt(s);f(t),t===null&&(m(!0),u(await o(s)),m(!1))}let y=e=>l?.param!==null&&l?.param!==void 0&&l.param.split(`.`).includes(e);return z(`form`,{class:`rule-form`,onSubmit:v,"aria-labelledby":`rule-form-title`,children:[z(`h3`,{id:`rule-form-title`,ref:h,tabIndex:-1,children:t},void 0,!1,{fileName:U,lineNumber:383,columnNumber:7},this),l!==null&&z(H,{error:l,context:`The rule was not saved`},void 0,!1,{fileName:U,lineNumber:386,columnNumber:26},this),z(`div`,{class:`field-grid`,children:[z(`label`,{children:[`Name`,z(`input`,{type:`text`,required:!0,maxLength:200,value:s.name,"aria-invalid":y(`name`),onInput:e=>g({name:e.currentTarget.value})},void 0,!1,{fileName:U,lineNumber:390,columnNumber:11},this)]},void 0,!0,{fileName:U,lineNumber:388,columnNumber:9},this),z(`div`,{class:`field`,children:[z(`label`,{for:`rule-target`,children:`Watches`},void 0,!1,{fileName:U,lineNumber:393,columnNumber:11},this),z(`select`,{id:`rule-target`,value:s.target,onChange:e=>g({target:e.currentTarget.value}),children:[z(`option`,{value:`service`,children:`a service`},void 0,!1,{fileName:U,lineNumber:395,columnNumber:13},this),z(`option`,{value:`edge`,children:`an edge (calls from a service to a node)`},void 0,!1,{fileName:U,lineNumber:396,columnNumber:13},this)]},void 0,!0,{fileName:U,lineNumber:394,columnNumber:11},this)]},void 0,!0,{fileName:U,lineNumber:392,columnNumber:9},this),s.target===`service`?z(`label`,{children:[`Service`,z(`input`,{type:`text`,required:!0,list:`alert-service-names`,value:s.service,"aria-invalid":y(`service`),onInput:e=>g({service:e.currentTarget.value})},void 0,!1,{fileName:U,lineNumber:402,columnNumber:13},this)]},void 0,!0,{fileName:U,lineNumber:400,columnNumber:11},this):z(b,{children:[z(`label`,{children:[`Caller`,z(`input`,{type:`text`,required:!0,list:`alert-service-names`,value:s.edgeSource,"aria-invalid":y(`edge`),onInput:e=>g({edgeSource:e.currentTarget.value})},void 0,!1,{fileName:U,lineNumber:408,columnNumber:15},this)]},void 0,!0,{fileName:U,lineNumber:406,columnNumber:13},this),z(`label`,{children:[`Callee`,z(`input`,{type:`text`,required:!0,value:s.edgeTarget,"aria-invalid":y(`edge`),onInput:e=>g({edgeTarget:e.currentTarget.value})},void 0,!1,{fileName:U,lineNumber:412,columnNumber:15},this)]},void 0,!0,{fileName:U,lineNumber:410,columnNumber:13},this)]},void 0,!0,{fileName:U,lineNumber:405,columnNumber:11},this),z(`label`,{children:[`Metric`,z(`select`,{value:s.metric,onChange:e=>g({metric:e.currentTarget.value}),children:Ht.map(e=>z(`option`,{value:e.id,children:e.label},e.id,!1,{fileName:U,lineNumber:420,columnNumber:15},this))},void 0,!1,{fileName:U,lineNumber:418,columnNumber:11},this)]},void 0,!0,{fileName:U,lineNumber:416,columnNumber:9},this),z(`label`,{children:[`Operator`,z(`select`,{value:s.operator,onChange:e=>g({operator:e.currentTarget.value}),children:Ut.map(e=>z(`option`,{value:e.id,children:e.symbol},e.id,!1,{fileName:U,lineNumber:430,columnNumber:15},this))},void 0,!1,{fileName:U,lineNumber:428,columnNumber:11},this)]},void 0,!0,{fileName:U,lineNumber:426,columnNumber:9},this),z(`div`,{class:`field`,children:[z(`label`,{for:`rule-threshold`,children:[`Threshold (`,_,`)`]},void 0,!0,{fileName:U,lineNumber:437,columnNumber:11},this),z(`input`,{id:`rule-threshold`,type:`text`,inputMode:`decimal`,required:!0,value:s.threshold,"aria-invalid":d!==null||y(`threshold`),"aria-describedby":d===null?void 0:`threshold-error`,onInput:e=>g({threshold:e.currentTarget.value})},void 0,!1,{fileName:U,lineNumber:438,columnNumber:11},this),d!==null&&z(`span`,{id:`threshold-error`,class:`error small`,children:d},void 0,!1,{fileName:U,lineNumber:449,columnNumber:13},this)]},void 0,!0,{fileName:U,lineNumber:436,columnNumber:9},this),z(`div`,{class:`field`,children:[z(`label`,{for:`rule-window`,children:`Window`},void 0,!1,{fileName:U,lineNumber:455,columnNumber:11},this),z(`input`,{id:`rule-window`,type:`text`,required:!0,value:s.window,"aria-invalid":y(`window`),"aria-describedby":`window-help`,onInput:e=>g({window:e.currentTarget.value})},void 0,!1,{fileName:U,lineNumber:456,columnNumber:11},this),z(`span`,{id:`window-help`,class:`muted small`,children:`whole minutes, 1m to 24h: 5m, 1h, 1h30m`},void 0,!1,{fileName:U,lineNumber:457,columnNumber:11},this)]},void 0,!0,{fileName:U,lineNumber:454,columnNumber:9},this),z(`div`,{class:`field`,children:[z(`label`,{for:`rule-for`,children:`For (optional)`},void 0,!1,{fileName:U,lineNumber:462,columnNumber:11},this),z(`input`,{id:`rule-for`,type:`text`,value:s.for,"aria-invalid":y(`for`),"aria-describedby":`for-help`,onInput:e=>g({for:e.currentTarget.value})},void 0,!1,{fileName:U,lineNumber:463,columnNumber:11},this),z(`span`,{id:`for-help`,class:`muted small`,children:`how long the condition must hold before firing`},void 0,!1,{fileName:U,lineNumber:464,columnNumber:11},this)]},void 0,!0,{fileName:U,lineNumber:461,columnNumber:9},this),z(`label`,{children:[`Severity`,z(`select`,{value:s.severity,onChange:e=>g({severity:e.currentTarget.value}),children:Wt.map(e=>z(`option`,{value:e,children:e.toLowerCase()},e,!1,{fileName:U,lineNumber:472,columnNumber:15},this))},void 0,!1,{fileName:U,lineNumber:470,columnNumber:11},this)]},void 0,!0,{fileName:U,lineNumber:468,columnNumber:9},this)]},void 0,!0,{fileName:U,lineNumber:387,columnNumber:7},this),z(`datalist`,{id:`alert-service-names`,children:i.map(e=>z(`option`,{value:e},e,!1,{fileName:U,lineNumber:481,columnNumber:11},this))},void 0,!1,{fileName:U,lineNumber:479,columnNumber:7},this),z(`fieldset`,{class:`channels`,"aria-invalid":y(`channels`),children:[z(`legend`,{children:`Notify on`},void 0,!1,{fileName:U,lineNumber:485,columnNumber:9},this),Gt.map(e=>z(`label`,{class:`inline`,children:[z(`input`,{type:`checkbox`,checked:s.channels.includes(e),onChange:t=>g({channels:t.currentTarget.checked?[...s.channels,e]:s.channels.filter(t=>t!==e)})},void 0,!1,{fileName:U,lineNumber:488,columnNumber:13},this),` `,e.toLowerCase(),r.has(e)?``:z(`span`,{class:`muted`,children:` (not configured)`},void 0,!1,{fileName:U,lineNumber:494,columnNumber:39},this)]},e,!0,{fileName:U,lineNumber:487,columnNumber:11},this))]},void 0,!0,{fileName:U,lineNumber:484,columnNumber:7},this),z(`div`,{class:`actions`,children:[z(`button`,{type:`submit`,disabled:p,children:p?`Saving…`:n},void 0,!1,{fileName:U,lineNumber:499,columnNumber:9},this),` `,z(`button`,{type:`button`,class:`quiet`,onClick:a,children:`Cancel`},void 0,!1,{fileName:U,lineNumber:502,columnNumber:9},this)]},void 0,!0,{fileName:U,lineNumber:498,columnNumber:7},this)]},void 0,!0,{fileName:U,lineNumber:382,columnNumber:5},this)}function hn(){let e=it(),t=R(cn,{}),[n,r]=j([]),[i,a]=j(null);M(()=>e.subscribe(ln,{},{next:e=>r(t=>[e.alertEvents,...t.filter(t=>t.id!==e.alertEvents.id)].slice(0,dn)),error:a}),[e]);let o=N(()=>{let e=new Set(n.map(e=>e.id));return[...n,...t.data?.alertEvents.edges.map(e=>e.node).filter(t=>!e.has(t.id))??[]].slice(0,dn)},[n,t.data]);return z(`section`,{"aria-labelledby":`feed-title`,class:`feed`,children:[z(`h2`,{id:`feed-title`,children:`Events`},void 0,!1,{fileName:U,lineNumber:532,columnNumber:7},this),z(`p`,{class:`muted`,children:`Firing and resolved transitions, newest first; new ones appear as they happen.`},void 0,!1,{fileName:U,lineNumber:533,columnNumber:7},this),t.error!==void 0&&z(H,{error:t.error,context:`Events could not be loaded`},void 0,!1,{fileName:U,lineNumber:534,columnNumber:39},this),i!==null&&z(H,{error:i,context:`Live event feed`},void 0,!1,{fileName:U,lineNumber:535,columnNumber:30},this),z(`div`,{role:`log`,"aria-live":`polite`,"aria-relevant":`additions`,"aria-label":`Alert events`,children:o.length===0?z(`p`,{class:`muted`,children:t.loading?`Loading events…`:`No alert events yet.`},void 0,!1,{fileName:U,lineNumber:538,columnNumber:11},this):z(`ol`,{class:`event-list`,children:o.map(e=>z(`li`,{class:`event event-${e.kind.toLowerCase()}`,"data-event-id":e.id,children:[z(`time`,{dateTime:e.at,title:Pt(e.at),children:Nt(e.at)},void 0,!1,{fileName:U,lineNumber:543,columnNumber:17},this),` `,z(`span`,{class:`state state-${e.kind===`FIRING`?`firing`:`ok`}`,children:e.kind.toLowerCase()},void 0,!1,{fileName:U,lineNumber:546,columnNumber:17},this),` `,z(`strong`,{children:e.ruleName},void 0,!1,{fileName:U,lineNumber:546,columnNumber:116},this),` `,z(`span`,{class:`severity severity-${e.severity.toLowerCase()}`,children:e.severity.toLowerCase()},void 0,!1,{fileName:U,lineNumber:547,columnNumber:17},this),` `,z(`span`,{class:`muted`,children:[en(e.condition),`: `,$t(e.condition),e.value!==null&&e.value!==void 0?`, observed ${e.value}`:`, no data`]},void 0,!0,{fileName:U,lineNumber:548,columnNumber:17},this),e.notifications.length>0&&z(`span`,{class:`muted small`,children:[` `,`· `,e.notifications.map(e=>`${e.channel.toLowerCase()} ${e.status.toLowerCase()}`).join(`, `)]},void 0,!0,{fileName:U,lineNumber:553,columnNumber:19},this)]},e.id,!0,{fileName:U,lineNumber:542,columnNumber:15},this))},void 0,!1,{fileName:U,lineNumber:540,columnNumber:11},this)},void 0,!1,{fileName:U,lineNumber:536,columnNumber:7},this)]},void 0,!0,{fileName:U,lineNumber:531,columnNumber:5},this)}var W=`/work/main/ui/src/views/key-entry.tsx`,gn=V(`
  query ConsoleKeyCheck {
    nodes(first: 1) {
      pageInfo {
        hasNextPage
      }
    }
  }
`);function _n({notice:e,onAccepted:t}){let[n,r]=j(``),[i,a]=j(null),[o,s]=j(!1);async function c(e){e.preventDefault();let r=n.trim();if(!ot.test(r)){a(`An API key looks like mtk_live_… or mtk_test_… followed by at least 16 characters.`);return}s(!0),a(null);let i=!1,o=new et(r,()=>{i=!0});try{await o.request(gn,{}),t(r)}catch(e){i?a(`The gateway refused this key: it is unknown or revoked.`):e instanceof L&&e.code===`forbidden`?a(`This key lacks the read permission the console needs.`):a(e instanceof Error?e.message:String(e))}finally{o.dispose(),s(!1)}}return z(`main`,{id:`main`,class:`key-entry`,children:[z(`h1`,{children:`Mesh-Trace console`},void 0,!1,{fileName:W,lineNumber:54,columnNumber:7},this),e!==null&&z(`p`,{class:`notice`,role:`alert`,children:e},void 0,!1,{fileName:W,lineNumber:56,columnNumber:9},this),z(`form`,{onSubmit:c,"aria-describedby":`key-help`,children:[z(`label`,{for:`api-key`,children:`API key`},void 0,!1,{fileName:W,lineNumber:61,columnNumber:9},this),z(`input`,{id:`api-key`,name:`api-key`,type:`password`,autocomplete:`off`,spellcheck:!1,required:!0,value:n,"aria-invalid":i!==null,"aria-describedby":i===null?void 0:`key-error`,onInput:e=>r(e.currentTarget.value)},void 0,!1,{fileName:W,lineNumber:62,columnNumber:9},this),z(`button`,{type:`submit`,disabled:o,children:o?`Checking…`:`Open console`},void 0,!1,{fileName:W,lineNumber:74,columnNumber:9},this),i!==null&&z(`p`,{id:`key-error`,class:`error`,role:`alert`,children:i},void 0,!1,{fileName:W,lineNumber:78,columnNumber:11},this)]},void 0,!0,{fileName:W,lineNumber:60,columnNumber:7},this),z(`p`,{id:`key-help`,class:`help`,children:[`The key is kept in this tab's session storage only and sent to this gateway alone. It needs the `,z(`code`,{children:`read`},void 0,!1,{fileName:W,lineNumber:84,columnNumber:105},this),` permission; managing alert rules needs `,z(`code`,{children:`admin`},void 0,!1,{fileName:W,lineNumber:85,columnNumber:36},this),`. Create one with `,z(`code`,{children:`npm run apikey -- create --org default --env live --permissions read,admin`},void 0,!1,{fileName:W,lineNumber:85,columnNumber:72},this),` `,`or use `,z(`code`,{children:`MESH_BOOTSTRAP_API_KEY`},void 0,!1,{fileName:W,lineNumber:86,columnNumber:16},this),`.`]},void 0,!0,{fileName:W,lineNumber:83,columnNumber:7},this)]},void 0,!0,{fileName:W,lineNumber:53,columnNumber:5},this)}var vn=e=>e===null?-1/0:Date.parse(e);function yn(e,t){let n=new Map;for(let r of t){let t=e.get(r.nodeId);n.set(r.nodeId,t!==void 0&&vn(t.lastHeartbeat)>vn(r.lastHeartbeat)&&vn(t.statusSince)>=vn(r.statusSince)?t:r)}for(let[t,r]of e)n.has(t)||n.set(t,r);return n}function bn(e,t){let n=e.get(t.nodeId);if(n!==void 0&&vn(t.receivedAt)<vn(n.lastHeartbeat))return e;let r=n===void 0||n.status!==t.status,i=n===void 0||vn(t.receivedAt)>=vn(n.statusSince),a=new Map(e);return a.set(t.nodeId,{nodeId:t.nodeId,cluster:t.cluster,version:t.version,status:i?t.status:n.status,statusReasons:i?t.statusReasons:n.statusReasons,statusSince:r&&i?t.receivedAt:n?.statusSince??t.receivedAt,lastHeartbeat:t.receivedAt,figures:{cpuPercent:t.cpuPercent,memoryMb:t.memoryMb,ingestionRateSps:t.ingestionRateSps,bufferUtilizationPct:t.bufferUtilizationPct,samplingRate:t.samplingRate,otlpGrpcActive:t.otlpGrpcActive,otlpHttpActive:t.otlpHttpActive},spansIngested1h:n?.spansIngested1h??null}),a}function xn(e,t){let n=e.get(t.nodeId);if(n!==void 0&&vn(t.changedAt)<vn(n.statusSince))return e;let r=new Map(e);return r.set(t.nodeId,{...n??Sn(t),cluster:t.cluster,status:t.status,statusReasons:t.statusReasons,statusSince:t.changedAt}),r}function Sn(e){return{nodeId:e.nodeId,cluster:e.cluster,version:null,status:e.status,statusReasons:e.statusReasons,statusSince:e.changedAt,lastHeartbeat:null,figures:null,spansIngested1h:null}}function Cn(e){return[...e.values()].sort((e,t)=>e.cluster.localeCompare(t.cluster)||e.nodeId.localeCompare(t.nodeId))}function wn(e){let t={HEALTHY:0,DEGRADED:0,UNHEALTHY:0,OFFLINE:0};for(let n of e.values())t[n.status]++;return t}var G=`/work/main/ui/src/views/nodes/nodes-board.tsx`,Tn=V(`
  query ConsoleNodes($first: Int!) {
    nodes(first: $first) {
      totalCount
      edges {
        node {
          nodeId
          cluster
          version
          status
          statusReasons
          statusSince
          lastHeartbeat
          cpuPercent
          memoryMb
          spansIngested1h
          health {
            ingestionRateSps
            bufferUtilizationPct
            samplingRate
            otlpGrpcActive
            otlpHttpActive
          }
        }
      }
    }
  }
`),En=V(`
  subscription ConsoleNodeHeartbeat {
    nodeHeartbeat {
      nodeId
      cluster
      version
      status
      statusReasons
      receivedAt
      cpuPercent
      memoryMb
      ingestionRateSps
      bufferUtilizationPct
      samplingRate
      otlpGrpcActive
      otlpHttpActive
    }
  }
`),Dn=V(`
  subscription ConsoleNodeStatus {
    nodeStatusChanged {
      nodeId
      cluster
      status
      previousStatus
      statusReasons
      changedAt
    }
  }
`),On=200,kn=6e4,An=8,jn={HEALTHY:`healthy`,DEGRADED:`degraded`,UNHEALTHY:`unhealthy`,OFFLINE:`offline`},Mn={BUFFER_FULL:`buffer full`,BUFFER_HIGH:`buffer high`,CPU_HIGH:`CPU high`,DROPPING_SPANS:`dropping spans`,NO_HEARTBEAT:`no heartbeat`,RECEIVERS_INACTIVE:`OTLP receivers inactive`};function Nn(){let e=it(),[t,n]=j(()=>new Map),[r,i]=j(null),[a,o]=j(null),[s,c]=j(!1),[l,u]=j([]),[d,f]=j(Date.now),p=Ae(0);M(()=>{document.title=`Collector nodes · Mesh-Trace`;let e=setInterval(()=>f(Date.now()),1e3);return()=>clearInterval(e)},[]),M(()=>{let t=new AbortController,r=()=>{t.abort(),t=new AbortController;let r=t.signal;e.request(Tn,{first:On},r).then(e=>{n(t=>yn(t,e.nodes.edges.map(e=>Fn(e.node)))),i(e.nodes.totalCount),o(null),c(!0)}).catch(e=>{r.aborted||o(e)})},a=e.subscribe(En,{},{next:e=>n(t=>bn(t,e.nodeHeartbeat)),error:o}),s=e.subscribe(Dn,{},{next:({nodeStatusChanged:e})=>{n(t=>xn(t,e));let t=e.statusReasons.map(e=>Mn[e]).join(`, `),r=`${e.nodeId} is now ${jn[e.status]}${e.previousStatus?` (was ${jn[e.previousStatus]})`:` (new node)`}${t?`: ${t}`:``}`;u(t=>[{id:++p.current,text:r,at:e.changedAt},...t].slice(0,An))},error:o}),l=!1,d=e.onConnectionState(e=>{e===`live`&&l&&r(),e===`live`&&(l=!0)});r();let f=setInterval(r,kn);return()=>{t.abort(),clearInterval(f),a(),s(),d()}},[e]);let m=Cn(t),h=wn(t);return z(`section`,{"aria-labelledby":`nodes-title`,class:`view`,children:[z(`h1`,{id:`nodes-title`,tabIndex:-1,children:`Collector nodes`},void 0,!1,{fileName:G,lineNumber:163,columnNumber:7},this),z(`p`,{class:`muted`,children:[`Live: each heartbeat and status change appears as it happens. `,r!==null&&r>On?`Showing the first ${On} of ${r} nodes, plus any that report.`:``]},void 0,!0,{fileName:G,lineNumber:166,columnNumber:7},this),z(`ul`,{class:`status-summary`,"aria-label":`Nodes by status`,children:[`HEALTHY`,`DEGRADED`,`UNHEALTHY`,`OFFLINE`].map(e=>z(`li`,{class:`status-pill status-${e.toLowerCase()}`,children:[h[e],` `,jn[e]]},e,!0,{fileName:G,lineNumber:171,columnNumber:11},this))},void 0,!1,{fileName:G,lineNumber:169,columnNumber:7},this),a!==null&&z(H,{error:a,context:`Live node data`},void 0,!1,{fileName:G,lineNumber:176,columnNumber:26},this),z(`section`,{"aria-labelledby":`changes-title`,class:`changes`,children:[z(`h2`,{id:`changes-title`,children:`Recent status changes`},void 0,!1,{fileName:G,lineNumber:178,columnNumber:9},this),z(`div`,{role:`log`,"aria-live":`polite`,"aria-relevant":`additions`,children:z(`ol`,{class:`change-log`,children:l.length===0?z(`li`,{class:`muted`,children:`None since this page opened.`},void 0,!1,{fileName:G,lineNumber:182,columnNumber:15},this):l.map(e=>z(`li`,{children:[z(`time`,{dateTime:e.at,children:Nt(e.at)},void 0,!1,{fileName:G,lineNumber:186,columnNumber:19},this),` `,e.text]},e.id,!0,{fileName:G,lineNumber:185,columnNumber:17},this))},void 0,!1,{fileName:G,lineNumber:180,columnNumber:11},this)},void 0,!1,{fileName:G,lineNumber:179,columnNumber:9},this)]},void 0,!0,{fileName:G,lineNumber:177,columnNumber:7},this),!s&&a===null&&z(`p`,{role:`status`,children:`Loading nodes…`},void 0,!1,{fileName:G,lineNumber:193,columnNumber:37},this),s&&m.length===0&&z(`p`,{role:`status`,children:`No collector node has sent a heartbeat yet (POST /v1/nodes/{node_id}/heartbeat).`},void 0,!1,{fileName:G,lineNumber:194,columnNumber:40},this),z(`ul`,{class:`node-grid`,"aria-label":`Collector nodes`,children:m.map(e=>z(Pn,{node:e,now:d},e.nodeId,!1,{fileName:G,lineNumber:197,columnNumber:11},this))},void 0,!1,{fileName:G,lineNumber:195,columnNumber:7},this)]},void 0,!0,{fileName:G,lineNumber:162,columnNumber:5},this)}function Pn({node:e,now:t}){let n=e.status.toLowerCase(),r=e.figures,i=[[`Last heartbeat`,e.lastHeartbeat===null?`—`:Ft(e.lastHeartbeat,t)],[`CPU`,r?`${r.cpuPercent.toFixed(1)} %`:`—`],[`Memory`,r?`${At(Math.round(r.memoryMb))} MB`:`—`],[`Ingest`,r?`${At(Math.round(r.ingestionRateSps))} spans/s`:`—`],[`Buffer`,r?`${r.bufferUtilizationPct.toFixed(1)} %`:`—`],[`Sampling`,r?`${kt(r.samplingRate)}`:`—`],[`Spans, last hour`,e.spansIngested1h===null?`—`:At(e.spansIngested1h)],[`Receivers`,r?[r.otlpGrpcActive&&`gRPC`,r.otlpHttpActive&&`HTTP`].filter(Boolean).join(` + `)||`none`:`—`]];return z(`li`,{class:`node-card status-${n}`,"data-node-id":e.nodeId,"data-status":e.status,"aria-labelledby":`node-${e.nodeId}`,children:[z(`div`,{class:`node-head`,children:[z(`h3`,{id:`node-${e.nodeId}`,class:`mono`,children:e.nodeId},void 0,!1,{fileName:G,lineNumber:220,columnNumber:9},this),z(`span`,{class:`status-pill status-${n}`,children:jn[e.status]},void 0,!1,{fileName:G,lineNumber:223,columnNumber:9},this)]},void 0,!0,{fileName:G,lineNumber:219,columnNumber:7},this),z(`p`,{class:`muted small`,children:[e.cluster,e.version?` · v${e.version}`:``,` · `,jn[e.status],` since `,Nt(e.statusSince)]},void 0,!0,{fileName:G,lineNumber:225,columnNumber:7},this),e.statusReasons.length>0&&z(`p`,{class:`reasons`,children:e.statusReasons.map(e=>Mn[e]).join(`, `)},void 0,!1,{fileName:G,lineNumber:229,columnNumber:41},this),z(`dl`,{class:`node-figures`,children:i.map(([e,t])=>z(`div`,{children:[z(`dt`,{children:e},void 0,!1,{fileName:G,lineNumber:233,columnNumber:13},this),z(`dd`,{children:t},void 0,!1,{fileName:G,lineNumber:234,columnNumber:13},this)]},e,!0,{fileName:G,lineNumber:232,columnNumber:11},this))},void 0,!1,{fileName:G,lineNumber:230,columnNumber:7},this)]},void 0,!0,{fileName:G,lineNumber:218,columnNumber:5},this)}function Fn(e){return{nodeId:e.nodeId,cluster:e.cluster,version:e.version,status:e.status,statusReasons:e.statusReasons,statusSince:e.statusSince,lastHeartbeat:e.lastHeartbeat,figures:{cpuPercent:e.cpuPercent,memoryMb:e.memoryMb,ingestionRateSps:e.health.ingestionRateSps,bufferUtilizationPct:e.health.bufferUtilizationPct,samplingRate:e.health.samplingRate,otlpGrpcActive:e.health.otlpGrpcActive,otlpHttpActive:e.health.otlpHttpActive},spansIngested1h:e.spansIngested1h}}var In=[`#4e79a7`,`#f28e2b`,`#59a14f`,`#b07aa1`,`#76b7b2`,`#edc948`,`#9c755f`,`#ff9da7`,`#86bcb6`,`#8cd17d`,`#a0cbe8`,`#d4a6c8`];function Ln(e){let t=2166136261;for(let n=0;n<e.length;n++)t^=e.charCodeAt(n),t=Math.imul(t,16777619);return In[(t>>>0)%In.length]??In[0]}var Rn=190,zn=46,Bn=24,Vn=4;function Hn(e,t,n={}){let r=[...new Set([...e.map(e=>e.id),...t.flatMap(e=>[e.source,e.target])])].sort(),i=new Map(r.map((e,t)=>[e,t])),a=new Map(e.map(e=>[e.id,e])),o=r.map(()=>[]),s=r.map(()=>[]);for(let e of t){let t=i.get(e.source),n=i.get(e.target);t!==n&&!o[t]?.includes(n)&&(o[t]?.push(n),s[n]?.push(t))}for(let e of o)e.sort((e,t)=>e-t);let c=Xn(r.length,o,s),l=Zn(r.length,o,c),u=[];r.forEach((e,t)=>(u[l[t]??0]??=[]).push(t));for(let e=0;e<u.length;e++)u[e]??=[];let d=new Float64Array(r.length);u.forEach(e=>e.forEach((e,t)=>d[e]=t));for(let e=0;e<Vn;e++){let t=e%2==0;for(let e=1;e<u.length;e++){let n=t?e:u.length-1-e,r=t?s:o,i=u[n],a=new Map(i.map(e=>{let t=r[e]??[];return[e,t.length===0?d[e]??0:t.reduce((e,t)=>e+(d[t]??0),0)/t.length]}));i.sort((e,t)=>(a.get(e)??0)-(a.get(t)??0)||e-t),i.forEach((e,t)=>d[e]=t)}}let f=Math.max(1,...u.map(e=>e.length)),p=t.some(e=>(l[i.get(e.target)]??0)<=(l[i.get(e.source)]??0)),m=48+f*44+(f-1)*zn+(p?zn:0),h=48+u.length*168+Math.max(0,u.length-1)*Rn,g=new Map,_=[];u.forEach((e,t)=>{let n=(m-(p?zn:0)-(e.length*44+(e.length-1)*zn))/2;e.forEach((e,i)=>{let o=Bn+t*358+84,s=n+i*90+22;g.set(e,{x:o,y:s});let c=r[e];_.push({node:a.get(c)??{id:c,type:`SERVICE`},rank:t,order:i,x:o,y:s})})});let v=[...g.values()].map(({x:e,y:t})=>({x:e-84,y:t-22,width:168,height:44}));return{nodes:_,edges:t.map(e=>{let t=i.get(e.source),r=i.get(e.target),a=(l[r]??0)<=(l[t]??0),o=Jn(g.get(t)??{x:0,y:0},g.get(r)??{x:0,y:0},a),s=n.labelSize?.(e),c=s===void 0?Wn(o,.5):Kn(o,s,v);return{edge:e,path:qn(o),labelX:c.x,labelY:c.y,backward:a}}),width:h,height:m}}var Un=[.5,.4,.6,.3,.7,.22,.78];function Wn([e,t,n,r],i){let a=1-i,o=a*a*a,s=3*a*a*i,c=3*a*i*i,l=i*i*i;return{x:o*e.x+s*t.x+c*n.x+l*r.x,y:o*e.y+s*t.y+c*n.y+l*r.y}}function Gn(e,t){return e.x<t.x+t.width&&t.x<e.x+e.width&&e.y<t.y+t.height&&t.y<e.y+e.height}function Kn(e,t,n){let r=e=>({x:e.x-t.width/2,y:e.y-t.height/2,width:t.width,height:t.height}),i=Un.map(t=>Wn(e,t)).find(e=>!n.some(t=>Gn(r(e),t)))??Wn(e,.5);return n.push(r(i)),i}function qn([e,t,n,r]){let i=e=>`${Math.round(e.x*10)/10},${Math.round(e.y*10)/10}`;return`M${i(e)} C${i(t)} ${i(n)} ${i(r)}`}function Jn(e,t,n){if(!n){let n=e.x+84,r=t.x-84,i=(r-n)/2;return[{x:n,y:e.y},{x:n+i,y:e.y},{x:r-i,y:t.y},{x:r,y:t.y}]}let r=e.y+22,i=t.y+22,a=Math.max(r,i)+zn*.9;return e.x===t.x&&e.y===t.y?[{x:e.x-20,y:r},{x:e.x-40,y:a},{x:e.x+40,y:a},{x:e.x+20,y:i}]:[{x:e.x,y:r},{x:e.x,y:a},{x:t.x,y:a},{x:t.x,y:i}]}function Yn(e,t,n){return!e.has(`${t}>${n}`)}function Xn(e,t,n){let r=new Uint8Array(e),i=new Set,a=[...Array(e).keys()].sort((e,t)=>(n[e]?.length??0)-(n[t]?.length??0)||e-t);for(let e of a){if(r[e]!==0)continue;let n=[[e,0]];for(r[e]=1;n.length>0;){let e=n[n.length-1],[a,o]=e,s=t[a]??[];if(o>=s.length){r[a]=2,n.pop();continue}e[1]=o+1;let c=s[o];r[c]===1?i.add(`${a}>${c}`):r[c]===0&&(r[c]=1,n.push([c,0]))}}return i}function Zn(e,t,n){let r=Array(e).fill(0);for(let i=0;i<e;i++)for(let e of t[i]??[])Yn(n,i,e)&&(r[e]=(r[e]??0)+1);let i=Array(e).fill(0),a=[...Array(e).keys()].filter(e=>r[e]===0);for(let e=0;e<a.length;e++){let o=a[e];for(let e of t[o]??[])Yn(n,o,e)&&(i[e]=Math.max(i[e]??0,(i[o]??0)+1),r[e]=(r[e]??0)-1,r[e]===0&&a.push(e))}return i}var K=`/work/main/ui/src/views/map/service-map.tsx`,Qn=V(`
  query ConsoleTopology($from: DateTime!, $to: DateTime!, $cluster: String) {
    topology(from: $from, to: $to, cluster: $cluster) {
      from
      to
      cluster
      nodes {
        id
        type
      }
      edges {
        source
        target
        requestCount
        errorCount
        errorRate
        p50LatencyMs
        p99LatencyMs
      }
    }
  }
`),$n=6.2;function er(e,t){return`${jt(e.requestCount,t)} · ${kt(e.errorRate)} · p99 ${Ot(e.p99LatencyMs)}`}var tr={SERVICE:`Service`,DATABASE:`Database`,MESSAGING:`Messaging`,EXTERNAL:`External`};function nr({route:e}){let t=e.query.get(`window`),n=Lt(t)?t:`1h`,r=e.query.get(`cluster`)??``,[i,a]=j(r),{data:o,error:s,loading:c}=R(Qn,{...N(()=>zt(n,Date.now()),[n,e.query.get(`at`)]),cluster:r===``?null:r}),l=o?.topology,u=Rt(n),d=N(()=>l?Hn(l.nodes,l.edges,{labelSize:e=>({width:er(e,u).length*$n+6,height:15})}):null,[l,u]),f=(e,t,n=``)=>ht(`/map?window=${e}${t?`&cluster=${encodeURIComponent(t)}`:``}${n}`);M(()=>{document.title=`Service map · Mesh-Trace`},[]),M(()=>a(r),[r]);let p=(l?[`SERVICE`,`DATABASE`,`MESSAGING`,`EXTERNAL`].map(e=>[e,l.nodes.filter(t=>t.type===e).length]):[]).map(([e,t])=>`${t} ${tr[e].toLowerCase()}${t===1||e===`MESSAGING`?``:`s`}`).join(`, `);return z(`section`,{"aria-labelledby":`map-title`,class:`view`,"aria-busy":c,children:[z(`h1`,{id:`map-title`,tabIndex:-1,children:`Service map`},void 0,!1,{fileName:K,lineNumber:75,columnNumber:7},this),z(`form`,{class:`toolbar`,onSubmit:e=>{e.preventDefault(),f(n,i.trim())},children:[z(Vt,{id:`map-window`,value:n,onChange:e=>f(e,r)},void 0,!1,{fileName:K,lineNumber:85,columnNumber:9},this),z(`label`,{for:`map-cluster`,children:[`Cluster`,z(`input`,{id:`map-cluster`,type:`text`,value:i,placeholder:`all clusters`,onInput:e=>a(e.currentTarget.value)},void 0,!1,{fileName:K,lineNumber:88,columnNumber:11},this)]},void 0,!0,{fileName:K,lineNumber:86,columnNumber:9},this),z(`button`,{type:`submit`,children:`Apply`},void 0,!1,{fileName:K,lineNumber:90,columnNumber:9},this),z(`button`,{type:`button`,class:`quiet`,onClick:()=>f(n,r,`&at=${Date.now()}`),children:`Refresh`},void 0,!1,{fileName:K,lineNumber:91,columnNumber:9},this)]},void 0,!0,{fileName:K,lineNumber:78,columnNumber:7},this),s!==void 0&&z(H,{error:s,context:`The topology could not be loaded`},void 0,!1,{fileName:K,lineNumber:95,columnNumber:31},this),c&&o===void 0&&z(`p`,{role:`status`,children:`Loading topology…`},void 0,!1,{fileName:K,lineNumber:96,columnNumber:41},this),l&&d&&l.nodes.length===0&&z(`p`,{role:`status`,children:`No calls were recorded in this window.`},void 0,!1,{fileName:K,lineNumber:97,columnNumber:61},this),l&&d&&l.nodes.length>0&&z(b,{children:[z(`p`,{class:`muted`,children:[p,`; `,l.edges.length,` connections. Edge labels: requests per second or minute · error rate · p99 latency.`]},void 0,!0,{fileName:K,lineNumber:100,columnNumber:11},this),z(`div`,{class:`map-scroll`,children:z(`svg`,{class:`service-map`,width:d.width,height:d.height,viewBox:`0 0 ${d.width} ${d.height}`,role:`group`,"aria-label":`Service map: ${p}. The connections are listed in the table below.`,children:[z(`defs`,{children:z(`marker`,{id:`arrow`,viewBox:`0 0 10 10`,refX:`9`,refY:`5`,markerWidth:`7`,markerHeight:`7`,orient:`auto-start-reverse`,children:z(`path`,{d:`M0,0 L10,5 L0,10 z`,class:`arrow-head`},void 0,!1,{fileName:K,lineNumber:114,columnNumber:19},this)},void 0,!1,{fileName:K,lineNumber:113,columnNumber:17},this)},void 0,!1,{fileName:K,lineNumber:112,columnNumber:15},this),z(`g`,{"aria-hidden":`true`,children:[d.edges.map(e=>z(`path`,{d:e.path,class:`map-edge${e.edge.errorRate>0?` has-errors`:``}${e.backward?` backward`:``}`,"marker-end":`url(#arrow)`,"data-edge":`${e.edge.source}>${e.edge.target}`},`${e.edge.source}>${e.edge.target}`,!1,{fileName:K,lineNumber:119,columnNumber:19},this)),d.edges.map(e=>z(`text`,{x:e.labelX,y:e.labelY,class:`edge-label`,"text-anchor":`middle`,"dominant-baseline":`central`,children:er(e.edge,u)},`${e.edge.source}>${e.edge.target}:label`,!1,{fileName:K,lineNumber:128,columnNumber:19},this))]},void 0,!0,{fileName:K,lineNumber:117,columnNumber:15},this),d.nodes.map(({node:e,x:t,y:n})=>z(rr,{id:e.id,type:e.type,x:t,y:n},e.id,!1,{fileName:K,lineNumber:134,columnNumber:17},this))]},void 0,!0,{fileName:K,lineNumber:104,columnNumber:13},this)},void 0,!1,{fileName:K,lineNumber:103,columnNumber:11},this),z(`table`,{class:`edges-table`,children:[z(`caption`,{children:`Connections in the window`},void 0,!1,{fileName:K,lineNumber:139,columnNumber:13},this),z(`thead`,{children:z(`tr`,{children:[z(`th`,{scope:`col`,children:`Caller`},void 0,!1,{fileName:K,lineNumber:142,columnNumber:17},this),z(`th`,{scope:`col`,children:`Callee`},void 0,!1,{fileName:K,lineNumber:143,columnNumber:17},this),z(`th`,{scope:`col`,class:`num`,children:`Requests`},void 0,!1,{fileName:K,lineNumber:144,columnNumber:17},this),z(`th`,{scope:`col`,class:`num`,children:`Rate`},void 0,!1,{fileName:K,lineNumber:147,columnNumber:17},this),z(`th`,{scope:`col`,class:`num`,children:`Error rate`},void 0,!1,{fileName:K,lineNumber:150,columnNumber:17},this),z(`th`,{scope:`col`,class:`num`,children:`p50`},void 0,!1,{fileName:K,lineNumber:153,columnNumber:17},this),z(`th`,{scope:`col`,class:`num`,children:`p99`},void 0,!1,{fileName:K,lineNumber:156,columnNumber:17},this)]},void 0,!0,{fileName:K,lineNumber:141,columnNumber:15},this)},void 0,!1,{fileName:K,lineNumber:140,columnNumber:13},this),z(`tbody`,{children:l.edges.map(e=>z(`tr`,{children:[z(`td`,{children:e.source},void 0,!1,{fileName:K,lineNumber:164,columnNumber:19},this),z(`td`,{children:[e.target,` `,z(`span`,{class:`muted small`,children:[`(`,tr[l.nodes.find(t=>t.id===e.target)?.type??`SERVICE`].toLowerCase(),`)`]},void 0,!0,{fileName:K,lineNumber:166,columnNumber:32},this)]},void 0,!0,{fileName:K,lineNumber:165,columnNumber:19},this),z(`td`,{class:`num`,children:At(e.requestCount)},void 0,!1,{fileName:K,lineNumber:168,columnNumber:19},this),z(`td`,{class:`num`,children:jt(e.requestCount,u)},void 0,!1,{fileName:K,lineNumber:169,columnNumber:19},this),z(`td`,{class:`num${e.errorRate>0?` error-text`:``}`,children:kt(e.errorRate)},void 0,!1,{fileName:K,lineNumber:170,columnNumber:19},this),z(`td`,{class:`num`,children:Ot(e.p50LatencyMs)},void 0,!1,{fileName:K,lineNumber:171,columnNumber:19},this),z(`td`,{class:`num`,children:Ot(e.p99LatencyMs)},void 0,!1,{fileName:K,lineNumber:172,columnNumber:19},this)]},`${e.source}>${e.target}`,!0,{fileName:K,lineNumber:163,columnNumber:17},this))},void 0,!1,{fileName:K,lineNumber:161,columnNumber:13},this)]},void 0,!0,{fileName:K,lineNumber:138,columnNumber:11},this)]},void 0,!0,{fileName:K,lineNumber:99,columnNumber:9},this)]},void 0,!0,{fileName:K,lineNumber:74,columnNumber:5},this)}function rr({id:e,type:t,x:n,y:r}){let i=n-84,a=r-22,o=e.length>22?`${e.slice(0,21)}…`:e,s={"data-node-id":e,"data-node-type":t,class:`map-node node-${t.toLowerCase()}`},c=z(b,{children:[z(`text`,{x:n,y:r-2,"text-anchor":`middle`,class:`node-label`,children:o},void 0,!1,{fileName:K,lineNumber:191,columnNumber:7},this),z(`text`,{x:n,y:r+13,"text-anchor":`middle`,class:`node-type`,children:tr[t].toLowerCase()},void 0,!1,{fileName:K,lineNumber:194,columnNumber:7},this)]},void 0,!0,{fileName:K,lineNumber:190,columnNumber:5},this);if(t===`SERVICE`)return z(`a`,{...s,href:gt(`/traces?service=${encodeURIComponent(e)}`),"aria-label":`Service ${e}: search its traces`,onClick:t=>{t.preventDefault(),ht(`/traces?service=${encodeURIComponent(e)}`)},children:[z(`rect`,{x:i,y:a,width:168,height:44,rx:`8`,class:`node-shape`},void 0,!1,{fileName:K,lineNumber:205,columnNumber:9},this),z(`rect`,{x:i,y:a,width:`6`,height:44,rx:`3`,style:{fill:Ln(e)}},void 0,!1,{fileName:K,lineNumber:206,columnNumber:9},this),c]},void 0,!0,{fileName:K,lineNumber:201,columnNumber:7},this);let l=t===`DATABASE`?z(`path`,{class:`node-shape`,d:`M${i},${a+7} a84,7 0 0,0 168,0 a84,7 0 0,0 -168,0 v30 a84,7 0 0,0 168,0 v-30`},void 0,!1,{fileName:K,lineNumber:213,columnNumber:7},this):t===`MESSAGING`?z(`path`,{class:`node-shape`,d:`M${i+10},${a} h158 l-10,44 h-158 z`},void 0,!1,{fileName:K,lineNumber:218,columnNumber:7},this):z(`rect`,{x:i,y:a,width:168,height:44,rx:`20`,class:`node-shape`},void 0,!1,{fileName:K,lineNumber:220,columnNumber:7},this);return z(`g`,{...s,role:`img`,"aria-label":`${tr[t]} ${e}`,children:[l,c]},void 0,!0,{fileName:K,lineNumber:223,columnNumber:5},this)}var ir=`/work/main/ui/src/lib/sparkline.tsx`;function ar(e,t,n){let r=e.filter(e=>e!==null&&Number.isFinite(e));if(r.length===0)return``;let i=Math.max(...r),a=Math.min(0,...r),o=i-a||1,s=e.length>1?t/(e.length-1):0,c=[],l=!1,u=e=>e!=null&&Number.isFinite(e);return e.forEach((r,i)=>{if(!u(r)){l=!1;return}let d=e.length>1?i*s:t/2,f=n-1-(r-a)/o*(n-2);c.push(`${l?`L`:`M`}${d.toFixed(1)},${f.toFixed(1)}`),!l&&!u(e[i+1])&&c.push(`h0`),l=!0}),c.join(``)}function or(e,t){let n=e.filter(e=>e!==null&&Number.isFinite(e));return n.length===0?`no data`:`latest ${t(n[n.length-1])}, peak ${t(Math.max(...n))}`}function sr({values:e,label:t,format:n,tone:r=`neutral`,width:i=120,height:a=28}){let o=ar(e,i,a);return z(`svg`,{class:`sparkline spark-${r}`,width:i,height:a,viewBox:`0 0 ${i} ${a}`,role:`img`,"aria-label":`${t}: ${or(e,n)}`,children:o===``?z(`line`,{x1:`0`,x2:i,y1:a-1,y2:a-1,class:`spark-empty`},void 0,!1,{fileName:ir,lineNumber:51,columnNumber:19},this):z(`path`,{d:o},void 0,!1,{fileName:ir,lineNumber:51,columnNumber:100},this)},void 0,!1,{fileName:ir,lineNumber:50,columnNumber:5},this)}var q=`/work/main/ui/src/views/services/services-view.tsx`,cr=V(`
  query ConsoleServices($from: DateTime!, $to: DateTime!, $step: Int) {
    services(from: $from, to: $to, limit: 1000) {
      totalCount
      services {
        name
        namespace
        cluster
        requestCount
        errorCount
        errorRate
        p50LatencyMs
        p99LatencyMs
        lastSeen
        series(step: $step) {
          start
          requestCount
          errorRate
          p99LatencyMs
        }
      }
    }
  }
`),lr={"15m":60,"1h":60,"6h":300,"24h":900,"7d":3600};function ur({route:e}){let t=e.query.get(`window`),n=Lt(t)?t:`1h`,{data:r,error:i,loading:a}=R(cr,{...N(()=>zt(n,Date.now()),[n,e.query.get(`at`)]),step:lr[n]}),o=Rt(n);return M(()=>{document.title=`Services · Mesh-Trace`},[]),z(`section`,{"aria-labelledby":`services-title`,class:`view`,"aria-busy":a,children:[z(`h1`,{id:`services-title`,tabIndex:-1,children:`Services`},void 0,!1,{fileName:q,lineNumber:53,columnNumber:7},this),z(`div`,{class:`toolbar`,children:[z(Vt,{id:`services-window`,value:n,onChange:e=>ht(`/services?window=${e}`)},void 0,!1,{fileName:q,lineNumber:57,columnNumber:9},this),z(`button`,{type:`button`,class:`quiet`,onClick:()=>ht(`/services?window=${n}&at=${Date.now()}`,{replace:!0}),children:`Refresh`},void 0,!1,{fileName:q,lineNumber:58,columnNumber:9},this)]},void 0,!0,{fileName:q,lineNumber:56,columnNumber:7},this),i!==void 0&&z(H,{error:i,context:`Services could not be loaded`},void 0,!1,{fileName:q,lineNumber:62,columnNumber:31},this),a&&r===void 0&&z(`p`,{role:`status`,children:`Loading services…`},void 0,!1,{fileName:q,lineNumber:63,columnNumber:41},this),r!==void 0&&r.services.services.length===0&&z(`p`,{role:`status`,children:`No service has reported spans in this window.`},void 0,!1,{fileName:q,lineNumber:64,columnNumber:69},this),r!==void 0&&r.services.services.length>0&&z(`table`,{class:`services-table`,children:[z(`caption`,{children:[r.services.totalCount,` service deployments; rates over the `,o/60>=60?`${o/3600} h`:`${o/60} min`,` window, sparklines per`,` `,lr[n]/60,` min`]},void 0,!0,{fileName:q,lineNumber:67,columnNumber:11},this),z(`thead`,{children:z(`tr`,{children:[z(`th`,{scope:`col`,children:`Service`},void 0,!1,{fileName:q,lineNumber:73,columnNumber:15},this),z(`th`,{scope:`col`,class:`num`,children:`Requests`},void 0,!1,{fileName:q,lineNumber:74,columnNumber:15},this),z(`th`,{scope:`col`,class:`num`,children:`Errors`},void 0,!1,{fileName:q,lineNumber:77,columnNumber:15},this),z(`th`,{scope:`col`,class:`num`,children:`p50`},void 0,!1,{fileName:q,lineNumber:80,columnNumber:15},this),z(`th`,{scope:`col`,class:`num`,children:`p99`},void 0,!1,{fileName:q,lineNumber:83,columnNumber:15},this),z(`th`,{scope:`col`,children:`Requests over time`},void 0,!1,{fileName:q,lineNumber:86,columnNumber:15},this),z(`th`,{scope:`col`,children:`Error rate over time`},void 0,!1,{fileName:q,lineNumber:87,columnNumber:15},this),z(`th`,{scope:`col`,children:`p99 over time`},void 0,!1,{fileName:q,lineNumber:88,columnNumber:15},this)]},void 0,!0,{fileName:q,lineNumber:72,columnNumber:13},this)},void 0,!1,{fileName:q,lineNumber:71,columnNumber:11},this),z(`tbody`,{children:r.services.services.map(e=>{let t=`${e.name}${e.cluster?` in ${e.cluster}`:``}`;return z(`tr`,{"data-service":e.name,children:[z(`th`,{scope:`row`,children:[z(`span`,{class:`swatch`,style:{background:Ln(e.name)},"aria-hidden":`true`},void 0,!1,{fileName:q,lineNumber:97,columnNumber:21},this),z(vt,{to:`/traces?service=${encodeURIComponent(e.name)}${e.namespace?`&serviceNamespace=${encodeURIComponent(e.namespace)}`:``}`,children:e.name},void 0,!1,{fileName:q,lineNumber:98,columnNumber:21},this),z(`div`,{class:`muted small`,children:[e.namespace,e.cluster].filter(Boolean).join(` · `)||`—`},void 0,!1,{fileName:q,lineNumber:99,columnNumber:21},this)]},void 0,!0,{fileName:q,lineNumber:96,columnNumber:19},this),z(`td`,{class:`num`,children:[jt(e.requestCount,o),z(`div`,{class:`muted small`,children:[At(e.requestCount),` total`]},void 0,!0,{fileName:q,lineNumber:103,columnNumber:21},this)]},void 0,!0,{fileName:q,lineNumber:101,columnNumber:19},this),z(`td`,{class:`num${e.errorRate>0?` error-text`:``}`,children:[kt(e.errorRate),z(`div`,{class:`muted small`,children:At(e.errorCount)},void 0,!1,{fileName:q,lineNumber:107,columnNumber:21},this)]},void 0,!0,{fileName:q,lineNumber:105,columnNumber:19},this),z(`td`,{class:`num`,children:Ot(e.p50LatencyMs)},void 0,!1,{fileName:q,lineNumber:109,columnNumber:19},this),z(`td`,{class:`num`,children:Ot(e.p99LatencyMs)},void 0,!1,{fileName:q,lineNumber:110,columnNumber:19},this),z(`td`,{children:z(sr,{values:e.series.map(e=>Number(e.requestCount)),label:`Requests of ${t} per ${lr[n]/60} min`,format:At},void 0,!1,{fileName:q,lineNumber:112,columnNumber:21},this)},void 0,!1,{fileName:q,lineNumber:111,columnNumber:19},this),z(`td`,{children:z(sr,{tone:`error`,values:e.series.map(e=>Number(e.requestCount)>0?e.errorRate:null),label:`Error rate of ${t}`,format:kt},void 0,!1,{fileName:q,lineNumber:115,columnNumber:21},this)},void 0,!1,{fileName:q,lineNumber:114,columnNumber:19},this),z(`td`,{children:z(sr,{tone:`latency`,values:e.series.map(e=>e.p99LatencyMs??null),label:`p99 latency of ${t}`,format:Ot},void 0,!1,{fileName:q,lineNumber:118,columnNumber:21},this)},void 0,!1,{fileName:q,lineNumber:117,columnNumber:19},this)]},`${e.name}|${e.namespace??``}|${e.cluster??``}`,!0,{fileName:q,lineNumber:95,columnNumber:17},this)})},void 0,!1,{fileName:q,lineNumber:91,columnNumber:11},this)]},void 0,!0,{fileName:q,lineNumber:66,columnNumber:9},this)]},void 0,!0,{fileName:q,lineNumber:52,columnNumber:5},this)}var dr=[{id:`START_TIME_DESC`,label:`Newest first`},{id:`START_TIME_ASC`,label:`Oldest first`},{id:`DURATION_DESC`,label:`Slowest first`},{id:`DURATION_ASC`,label:`Fastest first`}],fr=[`ERROR`,`OK`,`UNSET`],pr=[`STRING`,`INT`,`DOUBLE`,`BOOL`],mr=[{id:`EQ`,label:`=`},{id:`NEQ`,label:`≠`},{id:`GT`,label:`>`},{id:`GTE`,label:`≥`},{id:`LT`,label:`<`},{id:`LTE`,label:`≤`},{id:`CONTAINS`,label:`contains`},{id:`STARTS_WITH`,label:`starts with`}],hr=[{name:`service`,label:`Service`},{name:`serviceNamespace`,label:`Namespace`},{name:`environment`,label:`Environment`},{name:`serviceVersion`,label:`Service version`},{name:`spanName`,label:`Span name`},{name:`issueFingerprint`,label:`Issue fingerprint`},{name:`traceId`,label:`Trace ID`}],gr=Object.fromEntries(hr.map(e=>[e.name,``])),_r=e=>e!==null&&fr.includes(e),vr=e=>dr.some(t=>t.id===e),yr=e=>e!==void 0&&pr.includes(e),br=e=>mr.some(t=>t.id===e),xr=e=>e!==null&&!Number.isNaN(Date.parse(e));function Sr(e){let[t,n,r,i,...a]=e.split(`~`);return t!==`span`&&t!==`resource`||!yr(n)||!br(r)||!i?null:{scope:t,type:n,operator:r,key:i,value:a.join(`~`)}}function Cr(e){return[e.scope,e.type,e.operator,e.key,e.value].join(`~`)}function wr(e){let t=e.get(`window`),n={...gr};for(let t of hr)n[t.name]=e.get(t.name)??``;let r=e.get(`status`),i=e.get(`spanStatus`),a=e.get(`order`),o=e.get(`from`),s=e.get(`to`);return{mode:e.get(`mode`)===`query`?`query`:`filters`,window:t===`custom`||Lt(t)?t:`1h`,from:xr(o)?o:null,to:xr(s)?s:null,query:e.get(`q`)??``,text:n,status:_r(r)?r:``,spanStatus:_r(i)?i:``,minDurationMs:e.get(`minMs`)??``,maxDurationMs:e.get(`maxMs`)??``,attributes:e.getAll(`attr`).flatMap(e=>Sr(e)??[]),order:vr(a)?a:`START_TIME_DESC`,cursors:e.getAll(`after`)}}function Tr(e){let t=new URLSearchParams;if(t.set(`mode`,e.mode),t.set(`window`,e.window),e.from!==null&&t.set(`from`,e.from),e.to!==null&&t.set(`to`,e.to),e.mode===`query`)t.set(`q`,e.query);else{for(let n of hr)e.text[n.name].trim()!==``&&t.set(n.name,e.text[n.name].trim());e.status!==``&&t.set(`status`,e.status),e.spanStatus!==``&&t.set(`spanStatus`,e.spanStatus),e.minDurationMs.trim()!==``&&t.set(`minMs`,e.minDurationMs.trim()),e.maxDurationMs.trim()!==``&&t.set(`maxMs`,e.maxDurationMs.trim());for(let n of e.attributes)n.key.trim()!==``&&t.append(`attr`,Cr({...n,key:n.key.trim()}));e.order!==`START_TIME_DESC`&&t.set(`order`,e.order)}for(let n of e.cursors)t.append(`after`,n);return t}function Er(e,t){if(e.window!==`custom`)return zt(e.window,t);let n=zt(`1h`,t);return{from:e.from??n.from,to:e.to??n.to}}function Dr(e){if(e.trim()===``)return;let t=Number(e);return Number.isFinite(t)?t:void 0}function Or(e,t){let n={from:t.from,to:t.to};for(let t of hr){let r=e.text[t.name].trim();r!==``&&(n[t.name]=r)}e.status!==``&&(n.status=e.status),e.spanStatus!==``&&(n.spanStatus=e.spanStatus);let r=Dr(e.minDurationMs),i=Dr(e.maxDurationMs);r!==void 0&&(n.minDurationMs=r),i!==void 0&&(n.maxDurationMs=i);let a=e=>({key:e.key.trim(),type:e.type,operator:e.operator,value:e.value}),o=e.attributes.filter(e=>e.scope===`span`&&e.key.trim()!==``).map(a),s=e.attributes.filter(e=>e.scope===`resource`&&e.key.trim()!==``).map(a);return o.length>0&&(n.attributes=o),s.length>0&&(n.resourceAttributes=s),n}var kr={START_TIME_DESC:{field:`START_TIME`,direction:`DESC`},START_TIME_ASC:{field:`START_TIME`,direction:`ASC`},DURATION_DESC:{field:`DURATION`,direction:`DESC`},DURATION_ASC:{field:`DURATION`,direction:`ASC`}};function Ar(e){return kr[e]}function jr(e){if(e===null)return``;let t=new Date(e);return new Date(t.getTime()-t.getTimezoneOffset()*6e4).toISOString().slice(0,16)}function Mr(e){if(e===``)return null;let t=new Date(e);return Number.isNaN(t.getTime())?null:t.toISOString()}var J=`/work/main/ui/src/views/search/trace-search.tsx`;V(`
  fragment TraceRow on Trace {
    traceId
    startTime
    durationMs
    spanCount
    errorCount
    status
    rootServiceName
    rootOperation
    services
  }
`);var Nr=V(`
  query ConsoleTraces($filter: TraceFilter, $orderBy: TraceOrderBy, $first: Int!, $after: String) {
    traces(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      edges {
        cursor
        node {
          ...TraceRow
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`),Pr=V(`
  query ConsoleSearchTraces($query: String!, $from: DateTime!, $to: DateTime!, $first: Int!, $after: String) {
    searchTraces(query: $query, from: $from, to: $to, first: $first, after: $after) {
      edges {
        cursor
        node {
          ...TraceRow
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`),Fr=V(`
  query ConsoleServiceNames {
    services(limit: 1000) {
      services {
        name
      }
    }
  }
`),Ir=25,Lr=[`service.name = "payment-svc" AND status = ERROR`,`duration > 100ms AND kind = server`,`attr.http.response.status_code >= 500`];function Rr({route:e}){let t=N(()=>wr(e.query),[e.query.toString()]);return M(()=>{(t.from===null||t.to===null)&&ht(`/traces?${Tr({...t,...Er(t,Date.now())}).toString()}`,{replace:!0})},[t]),M(()=>{document.title=`Traces · Mesh-Trace`},[]),z(`section`,{"aria-labelledby":`search-title`,class:`view`,children:[z(`h1`,{id:`search-title`,tabIndex:-1,children:`Traces`},void 0,!1,{fileName:J,lineNumber:107,columnNumber:7},this),z(zr,{initial:t},e.query.toString(),!1,{fileName:J,lineNumber:110,columnNumber:7},this),t.from!==null&&t.to!==null&&z(Vr,{state:t,from:t.from,to:t.to},void 0,!1,{fileName:J,lineNumber:111,columnNumber:52},this)]},void 0,!0,{fileName:J,lineNumber:106,columnNumber:5},this)}function zr({initial:e}){let[t,n]=j(e),r=R(Fr,{}),i=N(()=>[...new Set(r.data?.services.services.map(e=>e.name)??[])].sort(),[r.data]),a=e=>n(t=>({...t,...e})),o=(e,n)=>a({attributes:t.attributes.map((t,r)=>r===e?{...t,...n}:t)});function s(e){e.preventDefault(),ht(`/traces?${Tr({...t,cursors:[],...Er(t,Date.now())}).toString()}`)}return z(`form`,{class:`search-form`,onSubmit:s,"aria-label":`Trace search`,children:[z(`fieldset`,{class:`mode`,children:[z(`legend`,{children:`Search by`},void 0,!1,{fileName:J,lineNumber:133,columnNumber:9},this),z(`label`,{children:[z(`input`,{type:`radio`,name:`mode`,checked:t.mode===`filters`,onChange:()=>a({mode:`filters`})},void 0,!1,{fileName:J,lineNumber:135,columnNumber:11},this),` Filters`]},void 0,!0,{fileName:J,lineNumber:134,columnNumber:9},this),z(`label`,{children:[z(`input`,{type:`radio`,name:`mode`,checked:t.mode===`query`,onChange:()=>a({mode:`query`})},void 0,!1,{fileName:J,lineNumber:138,columnNumber:11},this),` Search language`]},void 0,!0,{fileName:J,lineNumber:137,columnNumber:9},this)]},void 0,!0,{fileName:J,lineNumber:132,columnNumber:7},this),z(`div`,{class:`field-row`,children:[z(`label`,{children:[`Time range`,z(`select`,{value:t.window,onChange:e=>a({window:e.currentTarget.value}),children:[It.map(e=>z(`option`,{value:e.id,children:e.label},e.id,!1,{fileName:J,lineNumber:147,columnNumber:15},this)),z(`option`,{value:`custom`,children:`Custom range`},void 0,!1,{fileName:J,lineNumber:151,columnNumber:13},this)]},void 0,!0,{fileName:J,lineNumber:145,columnNumber:11},this)]},void 0,!0,{fileName:J,lineNumber:143,columnNumber:9},this),t.window===`custom`&&z(b,{children:[z(`label`,{children:[`From`,z(`input`,{type:`datetime-local`,value:jr(t.from),onInput:e=>a({from:Mr(e.currentTarget.value)})},void 0,!1,{fileName:J,lineNumber:158,columnNumber:15},this)]},void 0,!0,{fileName:J,lineNumber:156,columnNumber:13},this),z(`label`,{children:[`To`,z(`input`,{type:`datetime-local`,value:jr(t.to),onInput:e=>a({to:Mr(e.currentTarget.value)})},void 0,!1,{fileName:J,lineNumber:162,columnNumber:15},this)]},void 0,!0,{fileName:J,lineNumber:160,columnNumber:13},this)]},void 0,!0,{fileName:J,lineNumber:155,columnNumber:11},this),t.mode===`filters`&&z(`label`,{children:[`Order`,z(`select`,{value:t.order,onChange:e=>a({order:e.currentTarget.value}),children:dr.map(e=>z(`option`,{value:e.id,children:e.label},e.id,!1,{fileName:J,lineNumber:171,columnNumber:17},this))},void 0,!1,{fileName:J,lineNumber:169,columnNumber:13},this)]},void 0,!0,{fileName:J,lineNumber:167,columnNumber:11},this)]},void 0,!0,{fileName:J,lineNumber:142,columnNumber:7},this),t.mode===`query`?z(`div`,{class:`query-field`,children:[z(`label`,{for:`search-query`,children:`Search expression`},void 0,!1,{fileName:J,lineNumber:182,columnNumber:11},this),z(`input`,{id:`search-query`,type:`search`,class:`mono`,spellcheck:!1,value:t.query,placeholder:Lr[0],"aria-describedby":`search-query-help`,onInput:e=>a({query:e.currentTarget.value})},void 0,!1,{fileName:J,lineNumber:183,columnNumber:11},this),z(`p`,{id:`search-query-help`,class:`help`,children:[`Fields, operators and examples: docs/search-language.md. For instance `,z(`code`,{children:Lr[1]},void 0,!1,{fileName:J,lineNumber:194,columnNumber:83},this),` or `,z(`code`,{children:Lr[2]},void 0,!1,{fileName:J,lineNumber:194,columnNumber:113},this),`.`]},void 0,!0,{fileName:J,lineNumber:193,columnNumber:11},this)]},void 0,!0,{fileName:J,lineNumber:181,columnNumber:9},this):z(b,{children:[z(`div`,{class:`field-grid`,children:[hr.map(e=>z(`label`,{children:[e.label,z(`input`,{type:`text`,name:e.name,value:t.text[e.name],list:e.name===`service`?`service-names`:void 0,class:e.name===`traceId`||e.name===`issueFingerprint`?`mono`:void 0,onInput:n=>a({text:{...t.text,[e.name]:n.currentTarget.value}})},void 0,!1,{fileName:J,lineNumber:203,columnNumber:17},this)]},e.name,!0,{fileName:J,lineNumber:201,columnNumber:15},this)),z(Br,{label:`Trace status`,value:t.status,onChange:e=>a({status:e})},void 0,!1,{fileName:J,lineNumber:213,columnNumber:13},this),z(Br,{label:`Span status`,value:t.spanStatus,onChange:e=>a({spanStatus:e})},void 0,!1,{fileName:J,lineNumber:214,columnNumber:13},this),z(`label`,{children:[`Min duration (ms)`,z(`input`,{type:`number`,min:`0`,step:`any`,value:t.minDurationMs,onInput:e=>a({minDurationMs:e.currentTarget.value})},void 0,!1,{fileName:J,lineNumber:217,columnNumber:15},this)]},void 0,!0,{fileName:J,lineNumber:215,columnNumber:13},this),z(`label`,{children:[`Max duration (ms)`,z(`input`,{type:`number`,min:`0`,step:`any`,value:t.maxDurationMs,onInput:e=>a({maxDurationMs:e.currentTarget.value})},void 0,!1,{fileName:J,lineNumber:221,columnNumber:15},this)]},void 0,!0,{fileName:J,lineNumber:219,columnNumber:13},this)]},void 0,!0,{fileName:J,lineNumber:199,columnNumber:11},this),z(`datalist`,{id:`service-names`,children:i.map(e=>z(`option`,{value:e},e,!1,{fileName:J,lineNumber:226,columnNumber:15},this))},void 0,!1,{fileName:J,lineNumber:224,columnNumber:11},this),z(`fieldset`,{class:`attributes`,children:[z(`legend`,{children:`Attribute conditions (one span must match all of them)`},void 0,!1,{fileName:J,lineNumber:230,columnNumber:13},this),t.attributes.map((e,n)=>z(`div`,{class:`attribute-row`,role:`group`,"aria-label":`Condition ${n+1}`,children:[z(`label`,{children:[`On`,z(`select`,{value:e.scope,onChange:e=>o(n,{scope:e.currentTarget.value}),children:[z(`option`,{value:`span`,children:`span attribute`},void 0,!1,{fileName:J,lineNumber:236,columnNumber:21},this),z(`option`,{value:`resource`,children:`resource attribute`},void 0,!1,{fileName:J,lineNumber:237,columnNumber:21},this)]},void 0,!0,{fileName:J,lineNumber:235,columnNumber:19},this)]},void 0,!0,{fileName:J,lineNumber:233,columnNumber:17},this),z(`label`,{children:[`Key`,z(`input`,{type:`text`,class:`mono`,value:e.key,onInput:e=>o(n,{key:e.currentTarget.value})},void 0,!1,{fileName:J,lineNumber:242,columnNumber:19},this)]},void 0,!0,{fileName:J,lineNumber:240,columnNumber:17},this),z(`label`,{children:[`Type`,z(`select`,{value:e.type,onChange:e=>o(n,{type:e.currentTarget.value}),children:pr.map(e=>z(`option`,{value:e,children:e.toLowerCase()},e,!1,{fileName:J,lineNumber:248,columnNumber:23},this))},void 0,!1,{fileName:J,lineNumber:246,columnNumber:19},this)]},void 0,!0,{fileName:J,lineNumber:244,columnNumber:17},this),z(`label`,{children:[`Operator`,z(`select`,{value:e.operator,onChange:e=>o(n,{operator:e.currentTarget.value}),children:mr.map(e=>z(`option`,{value:e.id,children:e.label},e.id,!1,{fileName:J,lineNumber:258,columnNumber:23},this))},void 0,!1,{fileName:J,lineNumber:256,columnNumber:19},this)]},void 0,!0,{fileName:J,lineNumber:254,columnNumber:17},this),z(`label`,{children:[`Value`,z(`input`,{type:`text`,value:e.value,onInput:e=>o(n,{value:e.currentTarget.value})},void 0,!1,{fileName:J,lineNumber:266,columnNumber:19},this)]},void 0,!0,{fileName:J,lineNumber:264,columnNumber:17},this),z(`button`,{type:`button`,class:`quiet`,onClick:()=>a({attributes:t.attributes.filter((e,t)=>t!==n)}),children:[`Remove condition `,n+1]},void 0,!0,{fileName:J,lineNumber:268,columnNumber:17},this)]},n,!0,{fileName:J,lineNumber:232,columnNumber:15},this)),z(`button`,{type:`button`,class:`quiet`,onClick:()=>a({attributes:[...t.attributes,{scope:`span`,key:``,type:`STRING`,operator:`EQ`,value:``}]}),children:`Add attribute condition`},void 0,!1,{fileName:J,lineNumber:273,columnNumber:13},this)]},void 0,!0,{fileName:J,lineNumber:229,columnNumber:11},this)]},void 0,!0,{fileName:J,lineNumber:198,columnNumber:9},this),z(`div`,{class:`actions`,children:z(`button`,{type:`submit`,children:`Search`},void 0,!1,{fileName:J,lineNumber:284,columnNumber:9},this)},void 0,!1,{fileName:J,lineNumber:283,columnNumber:7},this)]},void 0,!0,{fileName:J,lineNumber:131,columnNumber:5},this)}function Br({label:e,value:t,onChange:n}){return z(`label`,{children:[e,z(`select`,{value:t,onChange:e=>n(e.currentTarget.value),children:[z(`option`,{value:``,children:`Any`},void 0,!1,{fileName:J,lineNumber:295,columnNumber:9},this),fr.map(e=>z(`option`,{value:e,children:e.toLowerCase()},e,!1,{fileName:J,lineNumber:297,columnNumber:11},this))]},void 0,!0,{fileName:J,lineNumber:294,columnNumber:7},this)]},void 0,!0,{fileName:J,lineNumber:292,columnNumber:5},this)}function Vr({state:e,from:t,to:n}){let r=e.cursors.at(-1)??null,i=e.mode===`query`,a=R(Nr,{filter:Or(e,{from:t,to:n}),orderBy:Ar(e.order),first:Ir,after:r},{skip:i}),o=R(Pr,{query:e.query,from:t,to:n,first:Ir,after:r},{skip:!i||e.query.trim()===``}),s=i?o:a,c=i?o.data?.searchTraces:a.data?.traces,l=c&&{rows:c.edges.map(e=>e.node),hasNextPage:c.pageInfo.hasNextPage,endCursor:c.pageInfo.endCursor},u=e.cursors.length+1,d=t=>ht(`/traces?${Tr({...e,cursors:t}).toString()}`);return i&&e.query.trim()===``?z(`p`,{class:`help`,children:`Enter a search expression to search.`},void 0,!1,{fileName:J,lineNumber:331,columnNumber:52},this):z(`section`,{"aria-labelledby":`results-title`,class:`results`,"aria-busy":s.loading,children:[z(`h2`,{id:`results-title`,children:[`Results `,z(`span`,{class:`muted`,children:[`(`,Pt(t),` – `,Pt(n),`, page `,u,`)`]},void 0,!0,{fileName:J,lineNumber:335,columnNumber:17},this)]},void 0,!0,{fileName:J,lineNumber:334,columnNumber:7},this),s.error!==void 0&&z(H,{error:s.error,context:`Search failed`},void 0,!1,{fileName:J,lineNumber:337,columnNumber:38},this),l!==void 0&&s.error===void 0&&z(Hr,{rows:l.rows},void 0,!1,{fileName:J,lineNumber:338,columnNumber:60},this),s.loading&&l===void 0&&z(`p`,{role:`status`,children:`Searching…`},void 0,!1,{fileName:J,lineNumber:339,columnNumber:48},this),z(`nav`,{class:`pager`,"aria-label":`Result pages`,children:[z(`button`,{type:`button`,disabled:e.cursors.length===0,onClick:()=>d(e.cursors.slice(0,-1)),children:`Previous page`},void 0,!1,{fileName:J,lineNumber:341,columnNumber:9},this),z(`span`,{"aria-live":`polite`,children:[`Page `,u]},void 0,!0,{fileName:J,lineNumber:344,columnNumber:9},this),z(`button`,{type:`button`,disabled:!l?.hasNextPage||!l.endCursor,onClick:()=>l?.endCursor&&d([...e.cursors,l.endCursor]),children:`Next page`},void 0,!1,{fileName:J,lineNumber:345,columnNumber:9},this)]},void 0,!0,{fileName:J,lineNumber:340,columnNumber:7},this)]},void 0,!0,{fileName:J,lineNumber:333,columnNumber:5},this)}function Hr({rows:e}){if(e.length===0)return z(`p`,{role:`status`,children:`No traces match in this time range.`},void 0,!1,{fileName:J,lineNumber:358,columnNumber:33},this);let t=Math.max(...e.map(e=>e.durationMs),.001);return z(`table`,{class:`trace-table`,children:[z(`caption`,{class:`visually-hidden`,children:`Matching traces, with their duration relative to the slowest on this page`},void 0,!1,{fileName:J,lineNumber:362,columnNumber:7},this),z(`thead`,{children:z(`tr`,{children:[z(`th`,{scope:`col`,children:`Started`},void 0,!1,{fileName:J,lineNumber:365,columnNumber:11},this),z(`th`,{scope:`col`,children:`Root`},void 0,!1,{fileName:J,lineNumber:366,columnNumber:11},this),z(`th`,{scope:`col`,class:`duration-col`,children:`Duration`},void 0,!1,{fileName:J,lineNumber:367,columnNumber:11},this),z(`th`,{scope:`col`,class:`num`,children:`Spans`},void 0,!1,{fileName:J,lineNumber:370,columnNumber:11},this),z(`th`,{scope:`col`,class:`num`,children:`Errors`},void 0,!1,{fileName:J,lineNumber:373,columnNumber:11},this),z(`th`,{scope:`col`,children:`Services`},void 0,!1,{fileName:J,lineNumber:376,columnNumber:11},this)]},void 0,!0,{fileName:J,lineNumber:364,columnNumber:9},this)},void 0,!1,{fileName:J,lineNumber:363,columnNumber:7},this),z(`tbody`,{children:e.map(e=>z(`tr`,{"data-trace-id":e.traceId,children:[z(`td`,{class:`nowrap`,children:Pt(e.startTime)},void 0,!1,{fileName:J,lineNumber:382,columnNumber:13},this),z(`td`,{children:z(vt,{to:`/traces/${e.traceId}`,class:`trace-link`,children:[z(`span`,{class:`svc`,children:e.rootServiceName??`(root span not received)`},void 0,!1,{fileName:J,lineNumber:385,columnNumber:17},this),`: `,e.rootOperation??e.traceId]},void 0,!0,{fileName:J,lineNumber:384,columnNumber:15},this)},void 0,!1,{fileName:J,lineNumber:383,columnNumber:13},this),z(`td`,{class:`duration-col`,children:z(`div`,{class:`duration-cell`,children:[z(`span`,{class:`bar-track`,"aria-hidden":`true`,children:z(`span`,{class:`bar${e.status===`ERROR`?` bar-error`:``}`,style:{width:`${Math.max(.5,e.durationMs/t*100)}%`,background:Ln(e.rootServiceName??``)}},void 0,!1,{fileName:J,lineNumber:391,columnNumber:19},this)},void 0,!1,{fileName:J,lineNumber:390,columnNumber:17},this),z(`span`,{class:`num`,children:Et(e.durationMs)},void 0,!1,{fileName:J,lineNumber:396,columnNumber:17},this)]},void 0,!0,{fileName:J,lineNumber:389,columnNumber:15},this)},void 0,!1,{fileName:J,lineNumber:388,columnNumber:13},this),z(`td`,{class:`num`,children:e.spanCount},void 0,!1,{fileName:J,lineNumber:399,columnNumber:13},this),z(`td`,{class:`num${e.errorCount>0?` error-text`:``}`,children:e.errorCount},void 0,!1,{fileName:J,lineNumber:400,columnNumber:13},this),z(`td`,{children:z(`ul`,{class:`chips`,"aria-label":`Services`,children:e.services.map(e=>z(`li`,{class:`chip`,children:[z(`span`,{class:`swatch`,style:{background:Ln(e)},"aria-hidden":`true`},void 0,!1,{fileName:J,lineNumber:405,columnNumber:21},this),e]},e,!0,{fileName:J,lineNumber:404,columnNumber:19},this))},void 0,!1,{fileName:J,lineNumber:402,columnNumber:15},this)},void 0,!1,{fileName:J,lineNumber:401,columnNumber:13},this)]},e.traceId,!0,{fileName:J,lineNumber:381,columnNumber:11},this))},void 0,!1,{fileName:J,lineNumber:379,columnNumber:7},this)]},void 0,!0,{fileName:J,lineNumber:361,columnNumber:5},this)}function Ur(e,t){let n=new Map([[-1,[]]]);for(let t of e){let e=t.parentIndex??-1,r=n.get(e);r===void 0&&(r=[],n.set(e,r)),r.push(t.index)}let r=t=>e[t]?.endMs??0,i=t=>t===-1?0:e[t]?.startMs??0;for(let e of n.values())e.sort((e,t)=>r(t)-r(e)||e-t);let a=[],o=new Set,s=(e,t,n)=>{e===-1||n<=t||(a.push({row:e,startMs:t,endMs:n}),o.add(e))},c=[{row:-1,cursor:t,next:0}];for(;c.length>0;){let e=c[c.length-1],t=n.get(e.row)??[],a=i(e.row),o=!1;for(;e.next<t.length;){let n=t[e.next++],l=i(n);if(l>=e.cursor)continue;let u=Math.min(r(n),e.cursor);if(u<=a&&e.row!==-1){e.next=t.length;break}s(e.row,u,e.cursor),e.cursor=Math.max(l,a),c.push({row:n,cursor:u,next:0}),o=!0;break}o||(s(e.row,a,e.cursor),c.pop())}return a.sort((e,t)=>e.row-t.row||e.startMs-t.startMs),{segments:a,rows:o}}var Y=`/work/main/ui/src/views/trace/any-value.tsx`;function Wr(e){let t=e.endsWith(`==`)?2:+!!e.endsWith(`=`);return Math.floor(e.length*3/4)-t}function Gr({value:e}){switch(e.__typename){case`StringValue`:return z(`span`,{class:`v-string`,children:e.stringValue===``?z(`em`,{class:`muted`,children:`(empty string)`},void 0,!1,{fileName:Y,lineNumber:55,columnNumber:65},this):e.stringValue},void 0,!1,{fileName:Y,lineNumber:55,columnNumber:14},this);case`BoolValue`:return z(`span`,{class:`v-bool`,children:String(e.boolValue)},void 0,!1,{fileName:Y,lineNumber:57,columnNumber:14},this);case`IntValue`:return z(`span`,{class:`v-number`,children:e.intValue},void 0,!1,{fileName:Y,lineNumber:59,columnNumber:14},this);case`DoubleValue`:return z(`span`,{class:`v-number`,children:e.text},void 0,!1,{fileName:Y,lineNumber:61,columnNumber:14},this);case`BytesValue`:return z(`span`,{class:`v-bytes`,children:[z(`span`,{class:`muted`,children:[Wr(e.bytesValue),` bytes, base64: `]},void 0,!0,{fileName:Y,lineNumber:65,columnNumber:11},this),z(`span`,{class:`mono`,children:e.bytesValue},void 0,!1,{fileName:Y,lineNumber:66,columnNumber:11},this)]},void 0,!0,{fileName:Y,lineNumber:64,columnNumber:9},this);case`EmptyValue`:return z(`em`,{class:`muted`,children:`(no value)`},void 0,!1,{fileName:Y,lineNumber:70,columnNumber:14},this);case`ArrayValue`:return e.arrayValue===void 0?z(`em`,{class:`muted`,children:`(array nested too deep to load)`},void 0,!1,{fileName:Y,lineNumber:72,columnNumber:50},this):e.arrayValue.length===0?z(`em`,{class:`muted`,children:`(empty array)`},void 0,!1,{fileName:Y,lineNumber:73,columnNumber:49},this):z(`ol`,{class:`v-array`,start:0,children:e.arrayValue.map((e,t)=>z(`li`,{children:z(Gr,{value:e},void 0,!1,{fileName:Y,lineNumber:78,columnNumber:15},this)},t,!1,{fileName:Y,lineNumber:77,columnNumber:13},this))},void 0,!1,{fileName:Y,lineNumber:75,columnNumber:9},this);case`KvlistValue`:return e.kvlistValue===void 0?z(`em`,{class:`muted`,children:`(key/value list nested too deep to load)`},void 0,!1,{fileName:Y,lineNumber:84,columnNumber:51},this):e.kvlistValue.length===0?z(`em`,{class:`muted`,children:`(empty key/value list)`},void 0,!1,{fileName:Y,lineNumber:85,columnNumber:50},this):z(`dl`,{class:`v-kvlist`,children:e.kvlistValue.map((e,t)=>z(`div`,{children:[z(`dt`,{children:e.key},void 0,!1,{fileName:Y,lineNumber:90,columnNumber:15},this),z(`dd`,{children:z(Gr,{value:e.value},void 0,!1,{fileName:Y,lineNumber:92,columnNumber:17},this)},void 0,!1,{fileName:Y,lineNumber:91,columnNumber:15},this)]},t,!0,{fileName:Y,lineNumber:89,columnNumber:13},this))},void 0,!1,{fileName:Y,lineNumber:87,columnNumber:9},this)}}var Kr={StringValue:`string`,BoolValue:`bool`,IntValue:`int`,DoubleValue:`double`,BytesValue:`bytes`,EmptyValue:`empty`,ArrayValue:`array`,KvlistValue:`kvlist`};function qr({attributes:e,caption:t,dropped:n}){return e.length===0&&!n?z(`p`,{class:`muted`,children:[`No `,t.toLowerCase(),`.`]},void 0,!0,{fileName:Y,lineNumber:113,columnNumber:51},this):z(`table`,{class:`attr-table`,children:[z(`caption`,{children:[t,n?z(`span`,{class:`muted`,children:[` (`,n,` dropped by the sender)`]},void 0,!0,{fileName:Y,lineNumber:118,columnNumber:20},this):null]},void 0,!0,{fileName:Y,lineNumber:116,columnNumber:7},this),z(`thead`,{children:z(`tr`,{children:[z(`th`,{scope:`col`,children:`Key`},void 0,!1,{fileName:Y,lineNumber:122,columnNumber:11},this),z(`th`,{scope:`col`,children:`Type`},void 0,!1,{fileName:Y,lineNumber:123,columnNumber:11},this),z(`th`,{scope:`col`,children:`Value`},void 0,!1,{fileName:Y,lineNumber:124,columnNumber:11},this)]},void 0,!0,{fileName:Y,lineNumber:121,columnNumber:9},this)},void 0,!1,{fileName:Y,lineNumber:120,columnNumber:7},this),z(`tbody`,{children:e.map((e,t)=>z(`tr`,{children:[z(`th`,{scope:`row`,class:`mono`,children:e.key},void 0,!1,{fileName:Y,lineNumber:130,columnNumber:13},this),z(`td`,{class:`muted`,children:Kr[e.value.__typename]},void 0,!1,{fileName:Y,lineNumber:133,columnNumber:13},this),z(`td`,{children:z(Gr,{value:e.value},void 0,!1,{fileName:Y,lineNumber:135,columnNumber:15},this)},void 0,!1,{fileName:Y,lineNumber:134,columnNumber:13},this)]},`${e.key}-${t}`,!0,{fileName:Y,lineNumber:129,columnNumber:11},this))},void 0,!1,{fileName:Y,lineNumber:127,columnNumber:7},this)]},void 0,!0,{fileName:Y,lineNumber:115,columnNumber:5},this)}var X=`/work/main/ui/src/views/trace/span-panel.tsx`;V(`
  fragment ScalarValue on AnyValue {
    __typename
    ... on StringValue {
      stringValue
    }
    ... on BoolValue {
      boolValue
    }
    ... on IntValue {
      intValue
    }
    ... on DoubleValue {
      doubleValue
      text
    }
    ... on BytesValue {
      bytesValue
    }
    ... on EmptyValue {
      empty
    }
  }
`),V(`
  fragment NestedValue on AnyValue {
    ...ScalarValue
    ... on ArrayValue {
      arrayValue {
        ...ScalarValue
      }
    }
    ... on KvlistValue {
      kvlistValue {
        key
        valueType
        value {
          ...ScalarValue
        }
      }
    }
  }
`),V(`
  fragment AttributeDetail on Attribute {
    key
    valueType
    value {
      ...ScalarValue
      ... on ArrayValue {
        arrayValue {
          ...NestedValue
        }
      }
      ... on KvlistValue {
        kvlistValue {
          key
          valueType
          value {
            ...NestedValue
          }
        }
      }
    }
  }
`);var Jr=V(`
  query ConsoleSpan($traceId: String!, $spanId: String!) {
    span(traceId: $traceId, spanId: $spanId) {
      traceId
      spanId
      parentSpanId
      name
      kind
      serviceName
      serviceNamespace
      startTime
      endTime
      durationMs
      traceState
      flags
      issueFingerprint
      status {
        code
        message
      }
      attributes {
        ...AttributeDetail
      }
      droppedAttributesCount
      events {
        name
        time
        timeUnixNano
        droppedAttributesCount
        attributes {
          ...AttributeDetail
        }
      }
      droppedEventsCount
      links {
        traceId
        spanId
        traceState
        flags
        droppedAttributesCount
        attributes {
          ...AttributeDetail
        }
      }
      droppedLinksCount
      resource {
        schemaUrl
        droppedAttributesCount
        attributes {
          ...AttributeDetail
        }
      }
      scope {
        name
        version
        schemaUrl
        droppedAttributesCount
        attributes {
          ...AttributeDetail
        }
      }
    }
  }
`);function Yr(e,t){return Number(BigInt(e)-BigInt(t))/1e6}function Xr({traceId:e,spanId:t,spanStartNs:n,onClose:r}){let{data:i,error:a,loading:o}=R(Jr,{traceId:e,spanId:t}),s=i?.span?.spanId===t?i.span:void 0;return z(`aside`,{class:`span-panel`,"aria-labelledby":`span-panel-title`,"aria-busy":o,children:[z(`div`,{class:`panel-head`,children:[z(`h2`,{id:`span-panel-title`,children:s?s.name:`Span`},void 0,!1,{fileName:X,lineNumber:153,columnNumber:9},this),z(`button`,{type:`button`,class:`quiet`,onClick:r,children:`Close span details`},void 0,!1,{fileName:X,lineNumber:154,columnNumber:9},this)]},void 0,!0,{fileName:X,lineNumber:152,columnNumber:7},this),a!==void 0&&z(H,{error:a,context:`Span could not be loaded`},void 0,!1,{fileName:X,lineNumber:158,columnNumber:31},this),i!==void 0&&i.span===null&&z(`p`,{children:`This span is no longer stored.`},void 0,!1,{fileName:X,lineNumber:159,columnNumber:52},this),s===void 0&&a===void 0&&z(`p`,{role:`status`,children:`Loading span…`},void 0,!1,{fileName:X,lineNumber:160,columnNumber:53},this),s!==void 0&&z(b,{children:[z(`dl`,{class:`facts`,children:[z(`dt`,{children:`Service`},void 0,!1,{fileName:X,lineNumber:164,columnNumber:13},this),z(`dd`,{children:[z(`span`,{class:`swatch`,style:{background:Ln(s.serviceName)},"aria-hidden":`true`},void 0,!1,{fileName:X,lineNumber:166,columnNumber:15},this),s.serviceName,s.serviceNamespace?z(`span`,{class:`muted`,children:[` (`,s.serviceNamespace,`)`]},void 0,!0,{fileName:X,lineNumber:168,columnNumber:40},this):null]},void 0,!0,{fileName:X,lineNumber:165,columnNumber:13},this),z(`dt`,{children:`Kind`},void 0,!1,{fileName:X,lineNumber:170,columnNumber:13},this),z(`dd`,{children:s.kind.toLowerCase()},void 0,!1,{fileName:X,lineNumber:171,columnNumber:13},this),z(`dt`,{children:`Status`},void 0,!1,{fileName:X,lineNumber:172,columnNumber:13},this),z(`dd`,{class:s.status.code===`ERROR`?`error-text`:void 0,children:[s.status.code.toLowerCase(),s.status.message?`: ${s.status.message}`:``]},void 0,!0,{fileName:X,lineNumber:173,columnNumber:13},this),z(`dt`,{children:`Duration`},void 0,!1,{fileName:X,lineNumber:177,columnNumber:13},this),z(`dd`,{children:Et(s.durationMs)},void 0,!1,{fileName:X,lineNumber:178,columnNumber:13},this),z(`dt`,{children:`Start`},void 0,!1,{fileName:X,lineNumber:179,columnNumber:13},this),z(`dd`,{children:Pt(s.startTime)},void 0,!1,{fileName:X,lineNumber:180,columnNumber:13},this),z(`dt`,{children:`Span ID`},void 0,!1,{fileName:X,lineNumber:181,columnNumber:13},this),z(`dd`,{class:`mono`,children:s.spanId},void 0,!1,{fileName:X,lineNumber:182,columnNumber:13},this),z(`dt`,{children:`Parent`},void 0,!1,{fileName:X,lineNumber:183,columnNumber:13},this),z(`dd`,{class:`mono`,children:s.parentSpanId??`(root)`},void 0,!1,{fileName:X,lineNumber:184,columnNumber:13},this),s.issueFingerprint?z(b,{children:[z(`dt`,{children:`Issue`},void 0,!1,{fileName:X,lineNumber:187,columnNumber:17},this),z(`dd`,{class:`mono`,children:s.issueFingerprint},void 0,!1,{fileName:X,lineNumber:188,columnNumber:17},this)]},void 0,!0,{fileName:X,lineNumber:186,columnNumber:15},this):null,s.traceState?z(b,{children:[z(`dt`,{children:`Trace state`},void 0,!1,{fileName:X,lineNumber:193,columnNumber:17},this),z(`dd`,{class:`mono`,children:s.traceState},void 0,!1,{fileName:X,lineNumber:194,columnNumber:17},this)]},void 0,!0,{fileName:X,lineNumber:192,columnNumber:15},this):null,z(`dt`,{children:`Flags`},void 0,!1,{fileName:X,lineNumber:197,columnNumber:13},this),z(`dd`,{children:s.flags},void 0,!1,{fileName:X,lineNumber:198,columnNumber:13},this)]},void 0,!0,{fileName:X,lineNumber:163,columnNumber:11},this),z(qr,{caption:`Span attributes`,attributes:s.attributes,dropped:s.droppedAttributesCount},void 0,!1,{fileName:X,lineNumber:201,columnNumber:11},this),z(`section`,{"aria-labelledby":`events-title`,children:[z(`h3`,{id:`events-title`,children:[`Events (`,s.events.length,s.droppedEventsCount>0?`, ${s.droppedEventsCount} dropped`:``,`)`]},void 0,!0,{fileName:X,lineNumber:204,columnNumber:13},this),s.events.length===0?z(`p`,{class:`muted`,children:`No events.`},void 0,!1,{fileName:X,lineNumber:209,columnNumber:15},this):z(`ol`,{class:`events`,children:s.events.map((e,t)=>z(`li`,{children:[z(`p`,{children:[z(`strong`,{children:e.name},void 0,!1,{fileName:X,lineNumber:215,columnNumber:23},this),` `,z(`span`,{class:`muted`,children:[`at +`,Et(Yr(e.timeUnixNano,n))]},void 0,!0,{fileName:X,lineNumber:215,columnNumber:49},this)]},void 0,!0,{fileName:X,lineNumber:214,columnNumber:21},this),z(qr,{caption:`Attributes of event ${e.name}`,attributes:e.attributes,dropped:e.droppedAttributesCount},void 0,!1,{fileName:X,lineNumber:217,columnNumber:21},this)]},t,!0,{fileName:X,lineNumber:213,columnNumber:19},this))},void 0,!1,{fileName:X,lineNumber:211,columnNumber:15},this)]},void 0,!0,{fileName:X,lineNumber:203,columnNumber:11},this),z(`section`,{"aria-labelledby":`links-title`,children:[z(`h3`,{id:`links-title`,children:[`Links (`,s.links.length,s.droppedLinksCount>0?`, ${s.droppedLinksCount} dropped`:``,`)`]},void 0,!0,{fileName:X,lineNumber:225,columnNumber:13},this),s.links.length===0?z(`p`,{class:`muted`,children:`No links.`},void 0,!1,{fileName:X,lineNumber:230,columnNumber:15},this):z(`ul`,{class:`links`,children:s.links.map((t,n)=>z(`li`,{children:[z(vt,{to:`/traces/${t.traceId}?span=${t.spanId}`,class:`mono`,children:t.traceId===e?`span ${t.spanId} in this trace`:`trace ${t.traceId}, span ${t.spanId}`},void 0,!1,{fileName:X,lineNumber:235,columnNumber:21},this),t.traceState?z(`span`,{class:`muted mono`,children:[` state `,t.traceState]},void 0,!0,{fileName:X,lineNumber:238,columnNumber:37},this):null,z(qr,{caption:`Link attributes`,attributes:t.attributes,dropped:t.droppedAttributesCount},void 0,!1,{fileName:X,lineNumber:239,columnNumber:21},this)]},n,!0,{fileName:X,lineNumber:234,columnNumber:19},this))},void 0,!1,{fileName:X,lineNumber:232,columnNumber:15},this)]},void 0,!0,{fileName:X,lineNumber:224,columnNumber:11},this),z(`section`,{"aria-labelledby":`resource-title`,children:[z(`h3`,{id:`resource-title`,children:`Resource`},void 0,!1,{fileName:X,lineNumber:247,columnNumber:13},this),s.resource.schemaUrl?z(`p`,{class:`muted mono`,children:s.resource.schemaUrl},void 0,!1,{fileName:X,lineNumber:248,columnNumber:40},this):null,z(qr,{caption:`Resource attributes`,attributes:s.resource.attributes,dropped:s.resource.droppedAttributesCount},void 0,!1,{fileName:X,lineNumber:249,columnNumber:13},this)]},void 0,!0,{fileName:X,lineNumber:246,columnNumber:11},this),z(`section`,{"aria-labelledby":`scope-title`,children:[z(`h3`,{id:`scope-title`,children:`Instrumentation scope`},void 0,!1,{fileName:X,lineNumber:253,columnNumber:13},this),z(`p`,{children:[z(`span`,{class:`mono`,children:s.scope.name||`(unnamed)`},void 0,!1,{fileName:X,lineNumber:255,columnNumber:15},this),s.scope.version?z(`span`,{class:`muted`,children:[` version `,s.scope.version]},void 0,!0,{fileName:X,lineNumber:256,columnNumber:37},this):null]},void 0,!0,{fileName:X,lineNumber:254,columnNumber:13},this),s.scope.schemaUrl?z(`p`,{class:`muted mono`,children:s.scope.schemaUrl},void 0,!1,{fileName:X,lineNumber:258,columnNumber:37},this):null,z(qr,{caption:`Scope attributes`,attributes:s.scope.attributes,dropped:s.scope.droppedAttributesCount},void 0,!1,{fileName:X,lineNumber:259,columnNumber:13},this)]},void 0,!0,{fileName:X,lineNumber:252,columnNumber:11},this)]},void 0,!0,{fileName:X,lineNumber:162,columnNumber:9},this)]},void 0,!0,{fileName:X,lineNumber:151,columnNumber:5},this)}var Zr=1000000n;function Qr(e,t){let n=e-t;return Number(n/Zr)+Number(n%Zr)/1e6}function $r(e){try{return BigInt(e)}catch{return 0n}}function ei(e){if(e.length===0)return{rows:[],traceStartNs:0n,durationMs:0};let t=e.map(e=>$r(e.startTimeUnixNano)),n=e.map(e=>$r(e.endTimeUnixNano)),r=t[0]??0n;for(let e of t)e<r&&(r=e);let i=e.map((e,i)=>{let a=Qr(t[i]??r,r);return{span:e,order:i,startMs:a,endMs:Math.max(a,Qr(n[i]??r,r)),children:[]}}),a=new Map;i.forEach((e,t)=>{a.has(e.span.spanId)||a.set(e.span.spanId,t)});let o=[],s=[];i.forEach((e,t)=>{let n=e.span.parentSpanId,r=n?a.get(n):void 0;s[t]=!!n,r===void 0||r===t?o.push(t):i[r]?.children.push(t)});let c=(e,t)=>{let n=i[e],r=i[t];return n===void 0||r===void 0?0:n.startMs-r.startMs||n.order-r.order};for(let e of i)e.children.sort(c);o.sort(c);let l=[],u=new Uint8Array(i.length),d=e=>{let t=[[e,null,0]];for(;t.length>0;){let[e,n,r]=t.pop(),a=i[e];if(a===void 0||u[e]===1)continue;u[e]=1;let o=n===null?void 0:l[n],c={span:a.span,index:l.length,depth:r,parentIndex:n,childCount:0,descendantCount:0,startMs:a.startMs,endMs:a.endMs,detached:n===null&&s[e]===!0,startsBeforeParent:o!==void 0&&a.startMs<o.startMs,endsAfterParent:o!==void 0&&a.endMs>o.endMs};l.push(c),o!==void 0&&o.childCount++;for(let e=a.children.length-1;e>=0;e--){let n=a.children[e];n!==void 0&&u[n]===0&&t.push([n,c.index,r+1])}}};for(let e of o)d(e);if(l.length<i.length){let e=i.map((e,t)=>t).filter(e=>u[e]===0).sort(c);for(let t of e)d(t)}for(let e=l.length-1;e>=0;e--){let t=l[e];if(t===void 0||t.parentIndex===null)continue;let n=l[t.parentIndex];n!==void 0&&(n.descendantCount+=t.descendantCount+1)}let f=0;for(let e of i)e.endMs>f&&(f=e.endMs);return{rows:l,traceStartNs:r,durationMs:f}}function ti(e,t){let n=[];for(let r=0;r<e.length;){let i=e[r];if(i===void 0)break;n.push(r),r+=t.has(r)?i.descendantCount+1:1}return n}var Z=`/work/main/ui/src/views/trace/waterfall.tsx`,ni=26,ri=15,ii=14,ai=24;function oi(e){return`wf-row-${e}`}function si({layout:e,critical:t,selected:n,onSelect:r,label:i}){let[a,o]=j(()=>new Set),[s,c]=j(n??0),[l,u]=j(0),[d,f]=j(600),p=Ae(null),m=N(()=>ti(e.rows,a),[e,a]),h=N(()=>new Map(m.map((e,t)=>[e,t])),[m]),g=e.durationMs>0?100/e.durationMs:0,_=N(()=>{let e=new Map;for(let n of t?.segments??[]){let t=e.get(n.row)??[];t.push(n),e.set(n.row,t)}return e},[t]);M(()=>{let e=p.current;if(e===null)return;let t=()=>f(e.clientHeight);t();let n=new ResizeObserver(t);return n.observe(e),()=>n.disconnect()},[]),M(()=>{n!==null&&(c(n),o(t=>{let r=null;for(let i=e.rows[n]?.parentIndex??null;i!==null;i=e.rows[i]?.parentIndex??null)t.has(i)&&(r??=new Set(t)).delete(i);return r??t}))},[n,e]),M(()=>{let e=p.current,t=h.get(s);if(e===null||t===void 0)return;let n=t*ni;n<e.scrollTop?e.scrollTop=n:n+ni>e.scrollTop+e.clientHeight&&(e.scrollTop=n+ni-e.clientHeight)},[s,h]);let v=e=>o(t=>{let n=new Set(t);return n.delete(e)||n.add(e),n});function y(t){let n=h.get(s)??0,i=e.rows[s],o=e=>c(m[Math.max(0,Math.min(m.length-1,e))]??0),l=Math.max(1,Math.floor(d/ni)-1);switch(t.key){case`ArrowDown`:o(n+1);break;case`ArrowUp`:o(n-1);break;case`PageDown`:o(n+l);break;case`PageUp`:o(n-l);break;case`Home`:o(0);break;case`End`:o(m.length-1);break;case`ArrowRight`:if(i===void 0||i.childCount===0)return;a.has(s)?v(s):o(n+1);break;case`ArrowLeft`:if(i===void 0)return;i.childCount>0&&!a.has(s)?v(s):i.parentIndex!==null&&c(i.parentIndex);break;case`Enter`:case` `:r(s);break;default:return}t.preventDefault()}let b=Math.max(0,Math.floor(l/ni)-ri),x=Math.min(m.length,Math.ceil((l+d)/ni)+ri);return z(`div`,{class:`waterfall`,children:[z(`div`,{class:`wf-axis`,"aria-hidden":`true`,children:[z(`div`,{class:`wf-axis-names`,children:`Span`},void 0,!1,{fileName:Z,lineNumber:153,columnNumber:9},this),z(`div`,{class:`wf-axis-time`,children:[0,.25,.5,.75,1].map(t=>z(`span`,{class:`wf-tick`,style:{left:`${t*100}%`},children:Et(e.durationMs*t)},t,!1,{fileName:Z,lineNumber:156,columnNumber:13},this))},void 0,!1,{fileName:Z,lineNumber:154,columnNumber:9},this)]},void 0,!0,{fileName:Z,lineNumber:152,columnNumber:7},this),z(`div`,{class:`wf-scroll`,ref:p,role:`tree`,"aria-label":i,"aria-activedescendant":e.rows.length>0?oi(s):void 0,tabIndex:0,onKeyDown:y,onScroll:e=>u(e.currentTarget.scrollTop),children:z(`div`,{class:`wf-canvas`,style:{height:`${m.length*ni}px`},children:m.slice(b,x).map((i,o)=>{let l=e.rows[i];return l===void 0?null:z(ci,{row:l,top:(b+o)*ni,scale:g,active:i===s,selected:i===n,collapsed:a.has(i),onPath:t?.rows.has(i)??!1,segments:_.get(i),onToggle:()=>v(i),onSelect:()=>{c(i),r(i)}},i,!1,{fileName:Z,lineNumber:176,columnNumber:15},this)})},void 0,!1,{fileName:Z,lineNumber:172,columnNumber:9},this)},void 0,!1,{fileName:Z,lineNumber:162,columnNumber:7},this)]},void 0,!0,{fileName:Z,lineNumber:151,columnNumber:5},this)}function ci({row:e,top:t,scale:n,active:r,selected:i,collapsed:a,onPath:o,segments:s,onToggle:c,onSelect:l}){let{span:u}=e,d=u.status.code===`ERROR`,f=Ln(u.serviceName),p=e.startMs*n,m=Math.max((e.endMs-e.startMs)*n,.15),h=[e.startsBeforeParent&&`starts before its parent`,e.endsAfterParent&&`ends after its parent`].filter(Boolean).join(` and `),g=[`wf-row`,r&&`active`,i&&`selected`,o&&`critical`,d&&`error`].filter(Boolean).join(` `);return z(`div`,{id:oi(e.index),class:g,style:{top:`${t}px`,height:`${ni}px`},role:`treeitem`,"aria-level":e.depth+1,"aria-expanded":e.childCount>0?!a:void 0,"aria-selected":i,"aria-label":`${u.serviceName}: ${u.name}, ${Et(e.endMs-e.startMs)}, starts at ${Et(e.startMs)}${d?`, error`:``}${o?`, on the critical path`:``}${h?`, clock skew: ${h}`:``}${e.detached?`, parent span missing`:``}`,"data-span-id":u.spanId,"data-service":u.serviceName,onClick:l,children:[z(`div`,{class:`wf-name`,style:{paddingLeft:`${Math.min(e.depth,ai)*ii+4}px`},children:[e.childCount>0?z(`span`,{class:`wf-toggle`,"aria-hidden":`true`,onClick:e=>{e.stopPropagation(),c()},children:a?`▸`:`▾`},void 0,!1,{fileName:Z,lineNumber:237,columnNumber:11},this):z(`span`,{class:`wf-toggle`,"aria-hidden":`true`},void 0,!1,{fileName:Z,lineNumber:248,columnNumber:11},this),z(`span`,{class:`swatch`,style:{background:f},"aria-hidden":`true`},void 0,!1,{fileName:Z,lineNumber:250,columnNumber:9},this),z(`span`,{class:`wf-service`,children:u.serviceName},void 0,!1,{fileName:Z,lineNumber:251,columnNumber:9},this),z(`span`,{class:`wf-op`,children:u.name},void 0,!1,{fileName:Z,lineNumber:252,columnNumber:9},this),d&&z(`span`,{class:`mark mark-error`,"aria-hidden":`true`,title:`Error status`,children:`!`},void 0,!1,{fileName:Z,lineNumber:254,columnNumber:11},this),h&&z(`span`,{class:`mark mark-skew`,"aria-hidden":`true`,title:`Clock skew: ${h}`,children:`⏱`},void 0,!1,{fileName:Z,lineNumber:259,columnNumber:11},this),e.detached&&z(`span`,{class:`mark mark-detached`,"aria-hidden":`true`,title:`Parent span not in this trace`,children:`⤴`},void 0,!1,{fileName:Z,lineNumber:264,columnNumber:11},this),a&&z(`span`,{class:`muted`,children:[` +`,e.descendantCount]},void 0,!0,{fileName:Z,lineNumber:268,columnNumber:23},this)]},void 0,!0,{fileName:Z,lineNumber:235,columnNumber:7},this),z(`div`,{class:`wf-timeline`,"aria-hidden":`true`,children:[z(`span`,{class:`wf-bar${d?` wf-bar-error`:``}`,style:{left:`${p}%`,width:`${m}%`,background:f}},void 0,!1,{fileName:Z,lineNumber:271,columnNumber:9},this),s?.map(e=>z(`span`,{class:`wf-critical`,style:{left:`${e.startMs*n}%`,width:`${Math.max((e.endMs-e.startMs)*n,.1)}%`}},e.startMs,!1,{fileName:Z,lineNumber:273,columnNumber:11},this)),z(`span`,{class:`wf-duration`,style:p+m>80?{right:`${100-p+.5}%`}:{left:`${p+m+.5}%`},children:Et(e.endMs-e.startMs)},void 0,!1,{fileName:Z,lineNumber:275,columnNumber:9},this)]},void 0,!0,{fileName:Z,lineNumber:270,columnNumber:7},this)]},void 0,!0,{fileName:Z,lineNumber:222,columnNumber:5},this)}var Q=`/work/main/ui/src/views/trace/trace-detail.tsx`,li=V(`
  query ConsoleTrace($traceId: String!) {
    trace(traceId: $traceId) {
      traceId
      startTime
      durationMs
      spanCount
      errorCount
      status
      services
      rootServiceName
      rootOperation
      spans {
        spanId
        parentSpanId
        name
        serviceName
        kind
        durationMs
        startTimeUnixNano
        endTimeUnixNano
        status {
          code
        }
      }
    }
  }
`);function ui({traceId:e,route:t}){let{data:n,error:r,loading:i}=R(li,{traceId:e}),a=n?.trace??null,o=N(()=>a===null?null:ei(a.spans),[a]),[s,c]=j(!0),l=N(()=>o===null?null:Ur(o.rows,o.durationMs),[o]),u=t.query.get(`span`),d=N(()=>{if(o===null||u===null)return null;let e=o.rows.find(e=>e.span.spanId===u);return e===void 0?null:e.index},[o,u]),f=d===null?void 0:o?.rows[d];M(()=>{document.title=`Trace ${e.slice(0,8)} · Mesh-Trace`},[e]);let p=t=>ht(`/traces/${encodeURIComponent(e)}${t===null?``:`?span=${encodeURIComponent(t)}`}`,{replace:!0});return z(`section`,{"aria-labelledby":`trace-title`,class:`view trace-view`,children:[z(`p`,{class:`breadcrumb`,children:z(`a`,{href:`/ui/traces`,onClick:e=>{window.history.length>1&&(e.preventDefault(),window.history.back())},children:`← Back to results`},void 0,!1,{fileName:Q,lineNumber:67,columnNumber:9},this)},void 0,!1,{fileName:Q,lineNumber:66,columnNumber:7},this),z(`h1`,{id:`trace-title`,tabIndex:-1,children:[a?z(b,{children:[a.rootServiceName??`(root span not received)`,`: `,a.rootOperation??``]},void 0,!0,{fileName:Q,lineNumber:81,columnNumber:11},this):`Trace`,` `,z(`span`,{class:`mono muted trace-id`,children:e},void 0,!1,{fileName:Q,lineNumber:87,columnNumber:9},this)]},void 0,!0,{fileName:Q,lineNumber:79,columnNumber:7},this),r!==void 0&&z(H,{error:r,context:`The trace could not be loaded`},void 0,!1,{fileName:Q,lineNumber:89,columnNumber:31},this),i&&n===void 0&&z(`p`,{role:`status`,children:`Loading trace…`},void 0,!1,{fileName:Q,lineNumber:90,columnNumber:41},this),n!==void 0&&a===null&&z(`p`,{role:`status`,children:[`No trace with this ID is stored (it may have expired). `,z(vt,{to:`/traces`,children:`Search traces`},void 0,!1,{fileName:Q,lineNumber:93,columnNumber:66},this),`.`]},void 0,!0,{fileName:Q,lineNumber:92,columnNumber:9},this),a!==null&&o!==null&&z(b,{children:[z(`dl`,{class:`trace-facts`,children:[z(`div`,{children:[z(`dt`,{children:`Started`},void 0,!1,{fileName:Q,lineNumber:100,columnNumber:15},this),z(`dd`,{children:Pt(a.startTime)},void 0,!1,{fileName:Q,lineNumber:101,columnNumber:15},this)]},void 0,!0,{fileName:Q,lineNumber:99,columnNumber:13},this),z(`div`,{children:[z(`dt`,{children:`Duration`},void 0,!1,{fileName:Q,lineNumber:104,columnNumber:15},this),z(`dd`,{children:Et(a.durationMs)},void 0,!1,{fileName:Q,lineNumber:105,columnNumber:15},this)]},void 0,!0,{fileName:Q,lineNumber:103,columnNumber:13},this),z(`div`,{children:[z(`dt`,{children:`Spans`},void 0,!1,{fileName:Q,lineNumber:108,columnNumber:15},this),z(`dd`,{"data-testid":`span-count`,children:a.spanCount},void 0,!1,{fileName:Q,lineNumber:109,columnNumber:15},this)]},void 0,!0,{fileName:Q,lineNumber:107,columnNumber:13},this),z(`div`,{children:[z(`dt`,{children:`Errors`},void 0,!1,{fileName:Q,lineNumber:112,columnNumber:15},this),z(`dd`,{class:a.errorCount>0?`error-text`:void 0,children:a.errorCount},void 0,!1,{fileName:Q,lineNumber:113,columnNumber:15},this)]},void 0,!0,{fileName:Q,lineNumber:111,columnNumber:13},this),z(`div`,{children:[z(`dt`,{children:`Services`},void 0,!1,{fileName:Q,lineNumber:116,columnNumber:15},this),z(`dd`,{children:z(`ul`,{class:`chips`,"aria-label":`Services in this trace`,children:a.services.map(e=>z(`li`,{class:`chip`,children:[z(`span`,{class:`swatch`,style:{background:Ln(e)},"aria-hidden":`true`},void 0,!1,{fileName:Q,lineNumber:121,columnNumber:23},this),e]},e,!0,{fileName:Q,lineNumber:120,columnNumber:21},this))},void 0,!1,{fileName:Q,lineNumber:118,columnNumber:17},this)},void 0,!1,{fileName:Q,lineNumber:117,columnNumber:15},this)]},void 0,!0,{fileName:Q,lineNumber:115,columnNumber:13},this)]},void 0,!0,{fileName:Q,lineNumber:98,columnNumber:11},this),z(`div`,{class:`legend`,children:[z(`label`,{children:[z(`input`,{type:`checkbox`,checked:s,onChange:e=>c(e.currentTarget.checked)},void 0,!1,{fileName:Q,lineNumber:131,columnNumber:15},this),` Highlight the critical path`]},void 0,!0,{fileName:Q,lineNumber:130,columnNumber:13},this),z(`span`,{"aria-hidden":`true`,children:[z(`span`,{class:`legend-critical`},void 0,!1,{fileName:Q,lineNumber:134,columnNumber:15},this),` critical path `,z(`span`,{class:`mark mark-error`,children:`!`},void 0,!1,{fileName:Q,lineNumber:134,columnNumber:62},this),` error `,z(`span`,{class:`mark mark-skew`,children:`⏱`},void 0,!1,{fileName:Q,lineNumber:134,columnNumber:107},this),` clock skew`,` `,z(`span`,{class:`mark mark-detached`,children:`⤴`},void 0,!1,{fileName:Q,lineNumber:135,columnNumber:15},this),` parent missing`]},void 0,!0,{fileName:Q,lineNumber:133,columnNumber:13},this)]},void 0,!0,{fileName:Q,lineNumber:129,columnNumber:11},this),z(`div`,{class:`trace-layout${f?` with-panel`:``}`,children:[z(si,{layout:o,critical:s?l:null,selected:d,onSelect:e=>p(o.rows[e]?.span.spanId??null),label:`Spans of trace ${e}, ${a.spanCount} spans`},void 0,!1,{fileName:Q,lineNumber:139,columnNumber:13},this),f!==void 0&&z(Xr,{traceId:e,spanId:f.span.spanId,spanStartNs:f.span.startTimeUnixNano,onClose:()=>p(null)},void 0,!1,{fileName:Q,lineNumber:147,columnNumber:15},this)]},void 0,!0,{fileName:Q,lineNumber:138,columnNumber:11},this)]},void 0,!0,{fileName:Q,lineNumber:97,columnNumber:9},this)]},void 0,!0,{fileName:Q,lineNumber:65,columnNumber:5},this)}var $=`/work/main/ui/src/app.tsx`,di=[{to:`/traces`,label:`Traces`},{to:`/services`,label:`Services`},{to:`/map`,label:`Service map`},{to:`/nodes`,label:`Collector nodes`},{to:`/alerts`,label:`Alerts`}];function fi(){let[e,t]=j(st),[n,r]=j(null),i=N(()=>e===null?null:new et(e,()=>{lt(),r(`The gateway refused the API key (revoked or invalid). Enter a key to continue.`),t(null)}),[e]);return M(()=>()=>i?.dispose(),[i]),i===null?z(_n,{notice:n,onAccepted:e=>{ct(e),r(null),t(e)}},void 0,!1,{fileName:$,lineNumber:40,columnNumber:7},this):z(rt.Provider,{value:i,children:z(pi,{client:i,onForgetKey:()=>{lt(),r(null),t(null)}},void 0,!1,{fileName:$,lineNumber:52,columnNumber:7},this)},void 0,!1,{fileName:$,lineNumber:51,columnNumber:5},this)}function pi({client:e,onForgetKey:t}){let n=_t(),r=Ae(null),i=Ae(!0),a=n.path.split(`/`)[1]??``;return M(()=>{(n.path===`/`||n.path===``)&&ht(`/traces`,{replace:!0})},[n.path]),M(()=>{i.current?i.current=!1:r.current?.querySelector(`h1`)?.focus()},[n.path]),z(b,{children:[z(`a`,{class:`skip-link`,href:`#main`,children:`Skip to content`},void 0,!1,{fileName:$,lineNumber:85,columnNumber:7},this),z(`header`,{class:`topbar`,children:[z(`span`,{class:`brand`,children:`Mesh-Trace`},void 0,!1,{fileName:$,lineNumber:89,columnNumber:9},this),z(`nav`,{"aria-label":`Console sections`,children:z(`ul`,{children:di.map(e=>z(`li`,{children:z(vt,{to:e.to,"aria-current":`/${a}`===e.to?`page`:void 0,children:e.label},void 0,!1,{fileName:$,lineNumber:94,columnNumber:17},this)},e.to,!1,{fileName:$,lineNumber:93,columnNumber:15},this))},void 0,!1,{fileName:$,lineNumber:91,columnNumber:11},this)},void 0,!1,{fileName:$,lineNumber:90,columnNumber:9},this),z(gi,{client:e},void 0,!1,{fileName:$,lineNumber:101,columnNumber:9},this),z(`button`,{type:`button`,class:`quiet`,onClick:t,children:`Forget API key`},void 0,!1,{fileName:$,lineNumber:102,columnNumber:9},this)]},void 0,!0,{fileName:$,lineNumber:88,columnNumber:7},this),z(`main`,{id:`main`,ref:r,tabIndex:-1,children:z(mi,{route:n},void 0,!1,{fileName:$,lineNumber:107,columnNumber:9},this)},void 0,!1,{fileName:$,lineNumber:106,columnNumber:7},this)]},void 0,!0,{fileName:$,lineNumber:84,columnNumber:5},this)}function mi({route:e}){let[,t,n]=e.path.split(`/`);switch(t){case`traces`:return n?z(ui,{traceId:decodeURIComponent(n),route:e},void 0,!1,{fileName:$,lineNumber:117,columnNumber:19},this):z(Rr,{route:e},void 0,!1,{fileName:$,lineNumber:117,columnNumber:84},this);case`services`:return z(ur,{route:e},void 0,!1,{fileName:$,lineNumber:119,columnNumber:14},this);case`map`:return z(nr,{route:e},void 0,!1,{fileName:$,lineNumber:121,columnNumber:14},this);case`nodes`:return z(Nn,{},void 0,!1,{fileName:$,lineNumber:123,columnNumber:14},this);case`alerts`:return z(fn,{},void 0,!1,{fileName:$,lineNumber:125,columnNumber:14},this);case void 0:case``:return null;default:return z(`section`,{"aria-labelledby":`not-found`,children:[z(`h1`,{id:`not-found`,tabIndex:-1,children:`Page not found`},void 0,!1,{fileName:$,lineNumber:132,columnNumber:11},this),z(`p`,{children:[`Nothing lives at this address. `,z(vt,{to:`/traces`,children:`Search traces`},void 0,!1,{fileName:$,lineNumber:136,columnNumber:44},this),`.`]},void 0,!0,{fileName:$,lineNumber:135,columnNumber:11},this)]},void 0,!0,{fileName:$,lineNumber:131,columnNumber:9},this)}}var hi={live:`Live updates connected`,connecting:`Connecting live updates…`,reconnecting:`Live updates lost, reconnecting…`,closed:`Live updates idle`};function gi({client:e}){let[t,n]=j(`closed`);return M(()=>e.onConnectionState(n),[e]),z(`span`,{class:`live-indicator live-${t}`,role:`status`,children:[z(`span`,{"aria-hidden":`true`,class:`dot`},void 0,!1,{fileName:$,lineNumber:156,columnNumber:7},this),hi[t]]},void 0,!0,{fileName:$,lineNumber:155,columnNumber:5},this)}var _i=`/work/main/ui/src/main.tsx`,vi=document.getElementById(`app`);vi!==null&&pe(z(fi,{},void 0,!1,{fileName:_i,lineNumber:6,columnNumber:27},void 0),vi);