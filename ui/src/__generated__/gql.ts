/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment AlertRuleRow on AlertRule {\n    id\n    name\n    severity\n    status\n    state\n    stateSince\n    lastValue\n    lastEvaluatedAt\n    channels\n    condition {\n      metric\n      operator\n      threshold\n      window\n      for\n      service\n      edge {\n        source\n        target\n      }\n    }\n  }\n": typeof types.AlertRuleRowFragmentDoc,
    "\n  fragment AlertEventRow on AlertEvent {\n    id\n    at\n    kind\n    ruleId\n    ruleName\n    severity\n    value\n    condition {\n      metric\n      operator\n      threshold\n      window\n      for\n      service\n      edge {\n        source\n        target\n      }\n    }\n    notifications {\n      channel\n      status\n      attempts\n    }\n  }\n": typeof types.AlertEventRowFragmentDoc,
    "\n  query ConsoleAlertRules {\n    alertRules(first: 500) {\n      edges {\n        node {\n          ...AlertRuleRow\n        }\n      }\n    }\n    alertChannels {\n      kind\n    }\n  }\n": typeof types.ConsoleAlertRulesDocument,
    "\n  mutation ConsoleCreateAlertRule($input: CreateAlertRuleInput!) {\n    createAlertRule(input: $input) {\n      ...AlertRuleRow\n    }\n  }\n": typeof types.ConsoleCreateAlertRuleDocument,
    "\n  mutation ConsoleUpdateAlertRule($id: ID!, $input: UpdateAlertRuleInput!) {\n    updateAlertRule(id: $id, input: $input) {\n      ...AlertRuleRow\n    }\n  }\n": typeof types.ConsoleUpdateAlertRuleDocument,
    "\n  mutation ConsolePauseAlertRule($id: ID!) {\n    pauseAlertRule(id: $id) {\n      ...AlertRuleRow\n    }\n  }\n": typeof types.ConsolePauseAlertRuleDocument,
    "\n  mutation ConsoleResumeAlertRule($id: ID!) {\n    resumeAlertRule(id: $id) {\n      ...AlertRuleRow\n    }\n  }\n": typeof types.ConsoleResumeAlertRuleDocument,
    "\n  mutation ConsoleDeleteAlertRule($id: ID!) {\n    deleteAlertRule(id: $id)\n  }\n": typeof types.ConsoleDeleteAlertRuleDocument,
    "\n  query ConsoleAlertEvents {\n    alertEvents(first: 50) {\n      edges {\n        node {\n          ...AlertEventRow\n        }\n      }\n    }\n  }\n": typeof types.ConsoleAlertEventsDocument,
    "\n  subscription ConsoleAlertEventFeed {\n    alertEvents {\n      ...AlertEventRow\n    }\n  }\n": typeof types.ConsoleAlertEventFeedDocument,
    "\n  query ConsoleAlertServiceNames {\n    services(limit: 1000) {\n      services {\n        name\n      }\n    }\n  }\n": typeof types.ConsoleAlertServiceNamesDocument,
    "\n  query ConsoleCompareTraces($a: String!, $b: String!) {\n    compareTraces(a: $a, b: $b) {\n      a {\n        traceId\n        durationMs\n        spanCount\n        rootServiceName\n        rootOperation\n      }\n      b {\n        traceId\n        durationMs\n        spanCount\n        rootServiceName\n        rootOperation\n      }\n      durationDeltaMs\n      matchedCount\n      onlyInACount\n      onlyInBCount\n      errorsAddedCount\n      errorsRemovedCount\n      nodes {\n        parentIndex\n        depth\n        serviceName\n        operation\n        occurrence\n        presence\n        durationDeltaMs\n        durationRatio\n        errorChange\n        a {\n          spanId\n          durationMs\n          error\n        }\n        b {\n          spanId\n          durationMs\n          error\n        }\n      }\n    }\n  }\n": typeof types.ConsoleCompareTracesDocument,
    "\n  query ConsoleKeyCheck {\n    nodes(first: 1) {\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n": typeof types.ConsoleKeyCheckDocument,
    "\n  query ConsoleTopology($from: DateTime!, $to: DateTime!, $cluster: String) {\n    topology(from: $from, to: $to, cluster: $cluster) {\n      from\n      to\n      cluster\n      nodes {\n        id\n        type\n      }\n      edges {\n        source\n        target\n        requestCount\n        errorCount\n        errorRate\n        p50LatencyMs\n        p99LatencyMs\n      }\n    }\n  }\n": typeof types.ConsoleTopologyDocument,
    "\n  query ConsoleNodes($first: Int!) {\n    nodes(first: $first) {\n      totalCount\n      edges {\n        node {\n          nodeId\n          cluster\n          version\n          status\n          statusReasons\n          statusSince\n          lastHeartbeat\n          cpuPercent\n          memoryMb\n          spansIngested1h\n          health {\n            ingestionRateSps\n            bufferUtilizationPct\n            samplingRate\n            otlpGrpcActive\n            otlpHttpActive\n          }\n        }\n      }\n    }\n  }\n": typeof types.ConsoleNodesDocument,
    "\n  subscription ConsoleNodeHeartbeat {\n    nodeHeartbeat {\n      nodeId\n      cluster\n      version\n      status\n      statusReasons\n      receivedAt\n      cpuPercent\n      memoryMb\n      ingestionRateSps\n      bufferUtilizationPct\n      samplingRate\n      otlpGrpcActive\n      otlpHttpActive\n    }\n  }\n": typeof types.ConsoleNodeHeartbeatDocument,
    "\n  subscription ConsoleNodeStatus {\n    nodeStatusChanged {\n      nodeId\n      cluster\n      status\n      previousStatus\n      statusReasons\n      changedAt\n    }\n  }\n": typeof types.ConsoleNodeStatusDocument,
    "\n  fragment ScatterTrace on Trace {\n    traceId\n    startTime\n    durationMs\n    status\n    rootServiceName\n    rootOperation\n  }\n": typeof types.ScatterTraceFragmentDoc,
    "\n  query ConsoleScatterTraces($filter: TraceFilter, $orderBy: TraceOrderBy, $first: Int!) {\n    traces(filter: $filter, orderBy: $orderBy, first: $first) {\n      edges {\n        node {\n          ...ScatterTrace\n        }\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n": typeof types.ConsoleScatterTracesDocument,
    "\n  query ConsoleScatterSearch($query: String!, $from: DateTime!, $to: DateTime!, $first: Int!) {\n    searchTraces(query: $query, from: $from, to: $to, first: $first) {\n      edges {\n        node {\n          ...ScatterTrace\n        }\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n": typeof types.ConsoleScatterSearchDocument,
    "\n  fragment TraceRow on Trace {\n    traceId\n    startTime\n    durationMs\n    spanCount\n    errorCount\n    status\n    rootServiceName\n    rootOperation\n    services\n    completeness {\n      status\n      droppedSpans\n    }\n  }\n": typeof types.TraceRowFragmentDoc,
    "\n  query ConsoleTraces($filter: TraceFilter, $orderBy: TraceOrderBy, $first: Int!, $after: String) {\n    traces(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...TraceRow\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.ConsoleTracesDocument,
    "\n  query ConsoleSearchTraces($query: String!, $from: DateTime!, $to: DateTime!, $first: Int!, $after: String) {\n    searchTraces(query: $query, from: $from, to: $to, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...TraceRow\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.ConsoleSearchTracesDocument,
    "\n  query ConsoleServiceNames {\n    services(limit: 1000) {\n      services {\n        name\n      }\n    }\n  }\n": typeof types.ConsoleServiceNamesDocument,
    "\n  query ConsoleService($name: String!, $cluster: String, $from: DateTime!, $to: DateTime!, $step: Int) {\n    service(name: $name, cluster: $cluster, from: $from, to: $to) {\n      name\n      namespace\n      clusters\n      from\n      to\n      requestCount\n      errorCount\n      errorRate\n      p50LatencyMs\n      p95LatencyMs\n      p99LatencyMs\n      series(step: $step) {\n        start\n        requestCount\n        errorRate\n        p50LatencyMs\n        p95LatencyMs\n        p99LatencyMs\n      }\n      topOperations(limit: 10) {\n        name\n        requestCount\n        errorRate\n        p50LatencyMs\n        p99LatencyMs\n      }\n      upstream {\n        source\n        requestCount\n        errorRate\n        p99LatencyMs\n      }\n      downstream {\n        target\n        requestCount\n        errorRate\n        p99LatencyMs\n      }\n    }\n    topology(cluster: $cluster, from: $from, to: $to) {\n      nodes {\n        id\n        type\n      }\n    }\n  }\n": typeof types.ConsoleServiceDocument,
    "\n  query ConsoleServices($from: DateTime!, $to: DateTime!, $step: Int) {\n    services(from: $from, to: $to, limit: 1000) {\n      totalCount\n      services {\n        name\n        namespace\n        cluster\n        requestCount\n        errorCount\n        errorRate\n        p50LatencyMs\n        p99LatencyMs\n        lastSeen\n        series(step: $step) {\n          start\n          requestCount\n          errorRate\n          p99LatencyMs\n        }\n      }\n    }\n  }\n": typeof types.ConsoleServicesDocument,
    "\n  fragment ApiKeyRow on ApiKey {\n    id\n    name\n    prefix\n    env\n    permissions\n    rateLimit\n    createdAt\n    lastUsedAt\n    revokedAt\n  }\n": typeof types.ApiKeyRowFragmentDoc,
    "\n  query ConsoleApiKeys {\n    apiKeys {\n      ...ApiKeyRow\n    }\n  }\n": typeof types.ConsoleApiKeysDocument,
    "\n  mutation ConsoleCreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      key\n      apiKey {\n        ...ApiKeyRow\n      }\n    }\n  }\n": typeof types.ConsoleCreateApiKeyDocument,
    "\n  mutation ConsoleRevokeApiKey($id: String!) {\n    revokeApiKey(id: $id) {\n      ...ApiKeyRow\n    }\n  }\n": typeof types.ConsoleRevokeApiKeyDocument,
    "\n  query ConsoleOrganization {\n    organization {\n      id\n      ipAllowList\n    }\n  }\n": typeof types.ConsoleOrganizationDocument,
    "\n  mutation ConsoleSetIpAllowList($cidrs: [String!]!, $force: Boolean) {\n    setIpAllowList(cidrs: $cidrs, force: $force) {\n      id\n      ipAllowList\n    }\n  }\n": typeof types.ConsoleSetIpAllowListDocument,
    "\n  fragment ScalarValue on AnyValue {\n    __typename\n    ... on StringValue {\n      stringValue\n    }\n    ... on BoolValue {\n      boolValue\n    }\n    ... on IntValue {\n      intValue\n    }\n    ... on DoubleValue {\n      doubleValue\n      text\n    }\n    ... on BytesValue {\n      bytesValue\n    }\n    ... on EmptyValue {\n      empty\n    }\n  }\n": typeof types.ScalarValueFragmentDoc,
    "\n  fragment NestedValue on AnyValue {\n    ...ScalarValue\n    ... on ArrayValue {\n      arrayValue {\n        ...ScalarValue\n      }\n    }\n    ... on KvlistValue {\n      kvlistValue {\n        key\n        valueType\n        value {\n          ...ScalarValue\n        }\n      }\n    }\n  }\n": typeof types.NestedValueFragmentDoc,
    "\n  fragment AttributeDetail on Attribute {\n    key\n    valueType\n    value {\n      ...ScalarValue\n      ... on ArrayValue {\n        arrayValue {\n          ...NestedValue\n        }\n      }\n      ... on KvlistValue {\n        kvlistValue {\n          key\n          valueType\n          value {\n            ...NestedValue\n          }\n        }\n      }\n    }\n  }\n": typeof types.AttributeDetailFragmentDoc,
    "\n  query ConsoleSpan($traceId: String!, $spanId: String!) {\n    span(traceId: $traceId, spanId: $spanId) {\n      traceId\n      spanId\n      parentSpanId\n      name\n      kind\n      serviceName\n      serviceNamespace\n      startTime\n      endTime\n      durationMs\n      traceState\n      flags\n      issueFingerprint\n      status {\n        code\n        message\n      }\n      attributes {\n        ...AttributeDetail\n      }\n      droppedAttributesCount\n      events {\n        name\n        time\n        timeUnixNano\n        droppedAttributesCount\n        attributes {\n          ...AttributeDetail\n        }\n      }\n      droppedEventsCount\n      links {\n        traceId\n        spanId\n        traceState\n        flags\n        droppedAttributesCount\n        attributes {\n          ...AttributeDetail\n        }\n      }\n      droppedLinksCount\n      resource {\n        schemaUrl\n        droppedAttributesCount\n        attributes {\n          ...AttributeDetail\n        }\n      }\n      scope {\n        name\n        version\n        schemaUrl\n        droppedAttributesCount\n        attributes {\n          ...AttributeDetail\n        }\n      }\n    }\n  }\n": typeof types.ConsoleSpanDocument,
    "\n  query ConsoleTrace($traceId: String!) {\n    trace(traceId: $traceId) {\n      traceId\n      startTime\n      durationMs\n      spanCount\n      errorCount\n      status\n      services\n      rootServiceName\n      rootOperation\n      spans(first: 10000) {\n        spanId\n        parentSpanId\n        name\n        serviceName\n        kind\n        durationMs\n        startTimeUnixNano\n        endTimeUnixNano\n        status {\n          code\n        }\n      }\n      criticalPath {\n        spanId\n        segments {\n          startTimeUnixNano\n          endTimeUnixNano\n        }\n      }\n      completeness {\n        status\n        unknownReason\n        droppedSpans\n        clusters\n        reports {\n          nodeId\n          cluster\n          droppedSpans\n        }\n      }\n    }\n  }\n": typeof types.ConsoleTraceDocument,
};
const documents: Documents = {
    "\n  fragment AlertRuleRow on AlertRule {\n    id\n    name\n    severity\n    status\n    state\n    stateSince\n    lastValue\n    lastEvaluatedAt\n    channels\n    condition {\n      metric\n      operator\n      threshold\n      window\n      for\n      service\n      edge {\n        source\n        target\n      }\n    }\n  }\n": types.AlertRuleRowFragmentDoc,
    "\n  fragment AlertEventRow on AlertEvent {\n    id\n    at\n    kind\n    ruleId\n    ruleName\n    severity\n    value\n    condition {\n      metric\n      operator\n      threshold\n      window\n      for\n      service\n      edge {\n        source\n        target\n      }\n    }\n    notifications {\n      channel\n      status\n      attempts\n    }\n  }\n": types.AlertEventRowFragmentDoc,
    "\n  query ConsoleAlertRules {\n    alertRules(first: 500) {\n      edges {\n        node {\n          ...AlertRuleRow\n        }\n      }\n    }\n    alertChannels {\n      kind\n    }\n  }\n": types.ConsoleAlertRulesDocument,
    "\n  mutation ConsoleCreateAlertRule($input: CreateAlertRuleInput!) {\n    createAlertRule(input: $input) {\n      ...AlertRuleRow\n    }\n  }\n": types.ConsoleCreateAlertRuleDocument,
    "\n  mutation ConsoleUpdateAlertRule($id: ID!, $input: UpdateAlertRuleInput!) {\n    updateAlertRule(id: $id, input: $input) {\n      ...AlertRuleRow\n    }\n  }\n": types.ConsoleUpdateAlertRuleDocument,
    "\n  mutation ConsolePauseAlertRule($id: ID!) {\n    pauseAlertRule(id: $id) {\n      ...AlertRuleRow\n    }\n  }\n": types.ConsolePauseAlertRuleDocument,
    "\n  mutation ConsoleResumeAlertRule($id: ID!) {\n    resumeAlertRule(id: $id) {\n      ...AlertRuleRow\n    }\n  }\n": types.ConsoleResumeAlertRuleDocument,
    "\n  mutation ConsoleDeleteAlertRule($id: ID!) {\n    deleteAlertRule(id: $id)\n  }\n": types.ConsoleDeleteAlertRuleDocument,
    "\n  query ConsoleAlertEvents {\n    alertEvents(first: 50) {\n      edges {\n        node {\n          ...AlertEventRow\n        }\n      }\n    }\n  }\n": types.ConsoleAlertEventsDocument,
    "\n  subscription ConsoleAlertEventFeed {\n    alertEvents {\n      ...AlertEventRow\n    }\n  }\n": types.ConsoleAlertEventFeedDocument,
    "\n  query ConsoleAlertServiceNames {\n    services(limit: 1000) {\n      services {\n        name\n      }\n    }\n  }\n": types.ConsoleAlertServiceNamesDocument,
    "\n  query ConsoleCompareTraces($a: String!, $b: String!) {\n    compareTraces(a: $a, b: $b) {\n      a {\n        traceId\n        durationMs\n        spanCount\n        rootServiceName\n        rootOperation\n      }\n      b {\n        traceId\n        durationMs\n        spanCount\n        rootServiceName\n        rootOperation\n      }\n      durationDeltaMs\n      matchedCount\n      onlyInACount\n      onlyInBCount\n      errorsAddedCount\n      errorsRemovedCount\n      nodes {\n        parentIndex\n        depth\n        serviceName\n        operation\n        occurrence\n        presence\n        durationDeltaMs\n        durationRatio\n        errorChange\n        a {\n          spanId\n          durationMs\n          error\n        }\n        b {\n          spanId\n          durationMs\n          error\n        }\n      }\n    }\n  }\n": types.ConsoleCompareTracesDocument,
    "\n  query ConsoleKeyCheck {\n    nodes(first: 1) {\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n": types.ConsoleKeyCheckDocument,
    "\n  query ConsoleTopology($from: DateTime!, $to: DateTime!, $cluster: String) {\n    topology(from: $from, to: $to, cluster: $cluster) {\n      from\n      to\n      cluster\n      nodes {\n        id\n        type\n      }\n      edges {\n        source\n        target\n        requestCount\n        errorCount\n        errorRate\n        p50LatencyMs\n        p99LatencyMs\n      }\n    }\n  }\n": types.ConsoleTopologyDocument,
    "\n  query ConsoleNodes($first: Int!) {\n    nodes(first: $first) {\n      totalCount\n      edges {\n        node {\n          nodeId\n          cluster\n          version\n          status\n          statusReasons\n          statusSince\n          lastHeartbeat\n          cpuPercent\n          memoryMb\n          spansIngested1h\n          health {\n            ingestionRateSps\n            bufferUtilizationPct\n            samplingRate\n            otlpGrpcActive\n            otlpHttpActive\n          }\n        }\n      }\n    }\n  }\n": types.ConsoleNodesDocument,
    "\n  subscription ConsoleNodeHeartbeat {\n    nodeHeartbeat {\n      nodeId\n      cluster\n      version\n      status\n      statusReasons\n      receivedAt\n      cpuPercent\n      memoryMb\n      ingestionRateSps\n      bufferUtilizationPct\n      samplingRate\n      otlpGrpcActive\n      otlpHttpActive\n    }\n  }\n": types.ConsoleNodeHeartbeatDocument,
    "\n  subscription ConsoleNodeStatus {\n    nodeStatusChanged {\n      nodeId\n      cluster\n      status\n      previousStatus\n      statusReasons\n      changedAt\n    }\n  }\n": types.ConsoleNodeStatusDocument,
    "\n  fragment ScatterTrace on Trace {\n    traceId\n    startTime\n    durationMs\n    status\n    rootServiceName\n    rootOperation\n  }\n": types.ScatterTraceFragmentDoc,
    "\n  query ConsoleScatterTraces($filter: TraceFilter, $orderBy: TraceOrderBy, $first: Int!) {\n    traces(filter: $filter, orderBy: $orderBy, first: $first) {\n      edges {\n        node {\n          ...ScatterTrace\n        }\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n": types.ConsoleScatterTracesDocument,
    "\n  query ConsoleScatterSearch($query: String!, $from: DateTime!, $to: DateTime!, $first: Int!) {\n    searchTraces(query: $query, from: $from, to: $to, first: $first) {\n      edges {\n        node {\n          ...ScatterTrace\n        }\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n": types.ConsoleScatterSearchDocument,
    "\n  fragment TraceRow on Trace {\n    traceId\n    startTime\n    durationMs\n    spanCount\n    errorCount\n    status\n    rootServiceName\n    rootOperation\n    services\n    completeness {\n      status\n      droppedSpans\n    }\n  }\n": types.TraceRowFragmentDoc,
    "\n  query ConsoleTraces($filter: TraceFilter, $orderBy: TraceOrderBy, $first: Int!, $after: String) {\n    traces(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...TraceRow\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.ConsoleTracesDocument,
    "\n  query ConsoleSearchTraces($query: String!, $from: DateTime!, $to: DateTime!, $first: Int!, $after: String) {\n    searchTraces(query: $query, from: $from, to: $to, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...TraceRow\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.ConsoleSearchTracesDocument,
    "\n  query ConsoleServiceNames {\n    services(limit: 1000) {\n      services {\n        name\n      }\n    }\n  }\n": types.ConsoleServiceNamesDocument,
    "\n  query ConsoleService($name: String!, $cluster: String, $from: DateTime!, $to: DateTime!, $step: Int) {\n    service(name: $name, cluster: $cluster, from: $from, to: $to) {\n      name\n      namespace\n      clusters\n      from\n      to\n      requestCount\n      errorCount\n      errorRate\n      p50LatencyMs\n      p95LatencyMs\n      p99LatencyMs\n      series(step: $step) {\n        start\n        requestCount\n        errorRate\n        p50LatencyMs\n        p95LatencyMs\n        p99LatencyMs\n      }\n      topOperations(limit: 10) {\n        name\n        requestCount\n        errorRate\n        p50LatencyMs\n        p99LatencyMs\n      }\n      upstream {\n        source\n        requestCount\n        errorRate\n        p99LatencyMs\n      }\n      downstream {\n        target\n        requestCount\n        errorRate\n        p99LatencyMs\n      }\n    }\n    topology(cluster: $cluster, from: $from, to: $to) {\n      nodes {\n        id\n        type\n      }\n    }\n  }\n": types.ConsoleServiceDocument,
    "\n  query ConsoleServices($from: DateTime!, $to: DateTime!, $step: Int) {\n    services(from: $from, to: $to, limit: 1000) {\n      totalCount\n      services {\n        name\n        namespace\n        cluster\n        requestCount\n        errorCount\n        errorRate\n        p50LatencyMs\n        p99LatencyMs\n        lastSeen\n        series(step: $step) {\n          start\n          requestCount\n          errorRate\n          p99LatencyMs\n        }\n      }\n    }\n  }\n": types.ConsoleServicesDocument,
    "\n  fragment ApiKeyRow on ApiKey {\n    id\n    name\n    prefix\n    env\n    permissions\n    rateLimit\n    createdAt\n    lastUsedAt\n    revokedAt\n  }\n": types.ApiKeyRowFragmentDoc,
    "\n  query ConsoleApiKeys {\n    apiKeys {\n      ...ApiKeyRow\n    }\n  }\n": types.ConsoleApiKeysDocument,
    "\n  mutation ConsoleCreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      key\n      apiKey {\n        ...ApiKeyRow\n      }\n    }\n  }\n": types.ConsoleCreateApiKeyDocument,
    "\n  mutation ConsoleRevokeApiKey($id: String!) {\n    revokeApiKey(id: $id) {\n      ...ApiKeyRow\n    }\n  }\n": types.ConsoleRevokeApiKeyDocument,
    "\n  query ConsoleOrganization {\n    organization {\n      id\n      ipAllowList\n    }\n  }\n": types.ConsoleOrganizationDocument,
    "\n  mutation ConsoleSetIpAllowList($cidrs: [String!]!, $force: Boolean) {\n    setIpAllowList(cidrs: $cidrs, force: $force) {\n      id\n      ipAllowList\n    }\n  }\n": types.ConsoleSetIpAllowListDocument,
    "\n  fragment ScalarValue on AnyValue {\n    __typename\n    ... on StringValue {\n      stringValue\n    }\n    ... on BoolValue {\n      boolValue\n    }\n    ... on IntValue {\n      intValue\n    }\n    ... on DoubleValue {\n      doubleValue\n      text\n    }\n    ... on BytesValue {\n      bytesValue\n    }\n    ... on EmptyValue {\n      empty\n    }\n  }\n": types.ScalarValueFragmentDoc,
    "\n  fragment NestedValue on AnyValue {\n    ...ScalarValue\n    ... on ArrayValue {\n      arrayValue {\n        ...ScalarValue\n      }\n    }\n    ... on KvlistValue {\n      kvlistValue {\n        key\n        valueType\n        value {\n          ...ScalarValue\n        }\n      }\n    }\n  }\n": types.NestedValueFragmentDoc,
    "\n  fragment AttributeDetail on Attribute {\n    key\n    valueType\n    value {\n      ...ScalarValue\n      ... on ArrayValue {\n        arrayValue {\n          ...NestedValue\n        }\n      }\n      ... on KvlistValue {\n        kvlistValue {\n          key\n          valueType\n          value {\n            ...NestedValue\n          }\n        }\n      }\n    }\n  }\n": types.AttributeDetailFragmentDoc,
    "\n  query ConsoleSpan($traceId: String!, $spanId: String!) {\n    span(traceId: $traceId, spanId: $spanId) {\n      traceId\n      spanId\n      parentSpanId\n      name\n      kind\n      serviceName\n      serviceNamespace\n      startTime\n      endTime\n      durationMs\n      traceState\n      flags\n      issueFingerprint\n      status {\n        code\n        message\n      }\n      attributes {\n        ...AttributeDetail\n      }\n      droppedAttributesCount\n      events {\n        name\n        time\n        timeUnixNano\n        droppedAttributesCount\n        attributes {\n          ...AttributeDetail\n        }\n      }\n      droppedEventsCount\n      links {\n        traceId\n        spanId\n        traceState\n        flags\n        droppedAttributesCount\n        attributes {\n          ...AttributeDetail\n        }\n      }\n      droppedLinksCount\n      resource {\n        schemaUrl\n        droppedAttributesCount\n        attributes {\n          ...AttributeDetail\n        }\n      }\n      scope {\n        name\n        version\n        schemaUrl\n        droppedAttributesCount\n        attributes {\n          ...AttributeDetail\n        }\n      }\n    }\n  }\n": types.ConsoleSpanDocument,
    "\n  query ConsoleTrace($traceId: String!) {\n    trace(traceId: $traceId) {\n      traceId\n      startTime\n      durationMs\n      spanCount\n      errorCount\n      status\n      services\n      rootServiceName\n      rootOperation\n      spans(first: 10000) {\n        spanId\n        parentSpanId\n        name\n        serviceName\n        kind\n        durationMs\n        startTimeUnixNano\n        endTimeUnixNano\n        status {\n          code\n        }\n      }\n      criticalPath {\n        spanId\n        segments {\n          startTimeUnixNano\n          endTimeUnixNano\n        }\n      }\n      completeness {\n        status\n        unknownReason\n        droppedSpans\n        clusters\n        reports {\n          nodeId\n          cluster\n          droppedSpans\n        }\n      }\n    }\n  }\n": types.ConsoleTraceDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AlertRuleRow on AlertRule {\n    id\n    name\n    severity\n    status\n    state\n    stateSince\n    lastValue\n    lastEvaluatedAt\n    channels\n    condition {\n      metric\n      operator\n      threshold\n      window\n      for\n      service\n      edge {\n        source\n        target\n      }\n    }\n  }\n"): typeof import('./graphql').AlertRuleRowFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AlertEventRow on AlertEvent {\n    id\n    at\n    kind\n    ruleId\n    ruleName\n    severity\n    value\n    condition {\n      metric\n      operator\n      threshold\n      window\n      for\n      service\n      edge {\n        source\n        target\n      }\n    }\n    notifications {\n      channel\n      status\n      attempts\n    }\n  }\n"): typeof import('./graphql').AlertEventRowFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleAlertRules {\n    alertRules(first: 500) {\n      edges {\n        node {\n          ...AlertRuleRow\n        }\n      }\n    }\n    alertChannels {\n      kind\n    }\n  }\n"): typeof import('./graphql').ConsoleAlertRulesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleCreateAlertRule($input: CreateAlertRuleInput!) {\n    createAlertRule(input: $input) {\n      ...AlertRuleRow\n    }\n  }\n"): typeof import('./graphql').ConsoleCreateAlertRuleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleUpdateAlertRule($id: ID!, $input: UpdateAlertRuleInput!) {\n    updateAlertRule(id: $id, input: $input) {\n      ...AlertRuleRow\n    }\n  }\n"): typeof import('./graphql').ConsoleUpdateAlertRuleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsolePauseAlertRule($id: ID!) {\n    pauseAlertRule(id: $id) {\n      ...AlertRuleRow\n    }\n  }\n"): typeof import('./graphql').ConsolePauseAlertRuleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleResumeAlertRule($id: ID!) {\n    resumeAlertRule(id: $id) {\n      ...AlertRuleRow\n    }\n  }\n"): typeof import('./graphql').ConsoleResumeAlertRuleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleDeleteAlertRule($id: ID!) {\n    deleteAlertRule(id: $id)\n  }\n"): typeof import('./graphql').ConsoleDeleteAlertRuleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleAlertEvents {\n    alertEvents(first: 50) {\n      edges {\n        node {\n          ...AlertEventRow\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').ConsoleAlertEventsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ConsoleAlertEventFeed {\n    alertEvents {\n      ...AlertEventRow\n    }\n  }\n"): typeof import('./graphql').ConsoleAlertEventFeedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleAlertServiceNames {\n    services(limit: 1000) {\n      services {\n        name\n      }\n    }\n  }\n"): typeof import('./graphql').ConsoleAlertServiceNamesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleCompareTraces($a: String!, $b: String!) {\n    compareTraces(a: $a, b: $b) {\n      a {\n        traceId\n        durationMs\n        spanCount\n        rootServiceName\n        rootOperation\n      }\n      b {\n        traceId\n        durationMs\n        spanCount\n        rootServiceName\n        rootOperation\n      }\n      durationDeltaMs\n      matchedCount\n      onlyInACount\n      onlyInBCount\n      errorsAddedCount\n      errorsRemovedCount\n      nodes {\n        parentIndex\n        depth\n        serviceName\n        operation\n        occurrence\n        presence\n        durationDeltaMs\n        durationRatio\n        errorChange\n        a {\n          spanId\n          durationMs\n          error\n        }\n        b {\n          spanId\n          durationMs\n          error\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').ConsoleCompareTracesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleKeyCheck {\n    nodes(first: 1) {\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n"): typeof import('./graphql').ConsoleKeyCheckDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleTopology($from: DateTime!, $to: DateTime!, $cluster: String) {\n    topology(from: $from, to: $to, cluster: $cluster) {\n      from\n      to\n      cluster\n      nodes {\n        id\n        type\n      }\n      edges {\n        source\n        target\n        requestCount\n        errorCount\n        errorRate\n        p50LatencyMs\n        p99LatencyMs\n      }\n    }\n  }\n"): typeof import('./graphql').ConsoleTopologyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleNodes($first: Int!) {\n    nodes(first: $first) {\n      totalCount\n      edges {\n        node {\n          nodeId\n          cluster\n          version\n          status\n          statusReasons\n          statusSince\n          lastHeartbeat\n          cpuPercent\n          memoryMb\n          spansIngested1h\n          health {\n            ingestionRateSps\n            bufferUtilizationPct\n            samplingRate\n            otlpGrpcActive\n            otlpHttpActive\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').ConsoleNodesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ConsoleNodeHeartbeat {\n    nodeHeartbeat {\n      nodeId\n      cluster\n      version\n      status\n      statusReasons\n      receivedAt\n      cpuPercent\n      memoryMb\n      ingestionRateSps\n      bufferUtilizationPct\n      samplingRate\n      otlpGrpcActive\n      otlpHttpActive\n    }\n  }\n"): typeof import('./graphql').ConsoleNodeHeartbeatDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ConsoleNodeStatus {\n    nodeStatusChanged {\n      nodeId\n      cluster\n      status\n      previousStatus\n      statusReasons\n      changedAt\n    }\n  }\n"): typeof import('./graphql').ConsoleNodeStatusDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ScatterTrace on Trace {\n    traceId\n    startTime\n    durationMs\n    status\n    rootServiceName\n    rootOperation\n  }\n"): typeof import('./graphql').ScatterTraceFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleScatterTraces($filter: TraceFilter, $orderBy: TraceOrderBy, $first: Int!) {\n    traces(filter: $filter, orderBy: $orderBy, first: $first) {\n      edges {\n        node {\n          ...ScatterTrace\n        }\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n"): typeof import('./graphql').ConsoleScatterTracesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleScatterSearch($query: String!, $from: DateTime!, $to: DateTime!, $first: Int!) {\n    searchTraces(query: $query, from: $from, to: $to, first: $first) {\n      edges {\n        node {\n          ...ScatterTrace\n        }\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n"): typeof import('./graphql').ConsoleScatterSearchDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TraceRow on Trace {\n    traceId\n    startTime\n    durationMs\n    spanCount\n    errorCount\n    status\n    rootServiceName\n    rootOperation\n    services\n    completeness {\n      status\n      droppedSpans\n    }\n  }\n"): typeof import('./graphql').TraceRowFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleTraces($filter: TraceFilter, $orderBy: TraceOrderBy, $first: Int!, $after: String) {\n    traces(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...TraceRow\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): typeof import('./graphql').ConsoleTracesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleSearchTraces($query: String!, $from: DateTime!, $to: DateTime!, $first: Int!, $after: String) {\n    searchTraces(query: $query, from: $from, to: $to, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...TraceRow\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): typeof import('./graphql').ConsoleSearchTracesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleServiceNames {\n    services(limit: 1000) {\n      services {\n        name\n      }\n    }\n  }\n"): typeof import('./graphql').ConsoleServiceNamesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleService($name: String!, $cluster: String, $from: DateTime!, $to: DateTime!, $step: Int) {\n    service(name: $name, cluster: $cluster, from: $from, to: $to) {\n      name\n      namespace\n      clusters\n      from\n      to\n      requestCount\n      errorCount\n      errorRate\n      p50LatencyMs\n      p95LatencyMs\n      p99LatencyMs\n      series(step: $step) {\n        start\n        requestCount\n        errorRate\n        p50LatencyMs\n        p95LatencyMs\n        p99LatencyMs\n      }\n      topOperations(limit: 10) {\n        name\n        requestCount\n        errorRate\n        p50LatencyMs\n        p99LatencyMs\n      }\n      upstream {\n        source\n        requestCount\n        errorRate\n        p99LatencyMs\n      }\n      downstream {\n        target\n        requestCount\n        errorRate\n        p99LatencyMs\n      }\n    }\n    topology(cluster: $cluster, from: $from, to: $to) {\n      nodes {\n        id\n        type\n      }\n    }\n  }\n"): typeof import('./graphql').ConsoleServiceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleServices($from: DateTime!, $to: DateTime!, $step: Int) {\n    services(from: $from, to: $to, limit: 1000) {\n      totalCount\n      services {\n        name\n        namespace\n        cluster\n        requestCount\n        errorCount\n        errorRate\n        p50LatencyMs\n        p99LatencyMs\n        lastSeen\n        series(step: $step) {\n          start\n          requestCount\n          errorRate\n          p99LatencyMs\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').ConsoleServicesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ApiKeyRow on ApiKey {\n    id\n    name\n    prefix\n    env\n    permissions\n    rateLimit\n    createdAt\n    lastUsedAt\n    revokedAt\n  }\n"): typeof import('./graphql').ApiKeyRowFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleApiKeys {\n    apiKeys {\n      ...ApiKeyRow\n    }\n  }\n"): typeof import('./graphql').ConsoleApiKeysDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleCreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      key\n      apiKey {\n        ...ApiKeyRow\n      }\n    }\n  }\n"): typeof import('./graphql').ConsoleCreateApiKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleRevokeApiKey($id: String!) {\n    revokeApiKey(id: $id) {\n      ...ApiKeyRow\n    }\n  }\n"): typeof import('./graphql').ConsoleRevokeApiKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleOrganization {\n    organization {\n      id\n      ipAllowList\n    }\n  }\n"): typeof import('./graphql').ConsoleOrganizationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleSetIpAllowList($cidrs: [String!]!, $force: Boolean) {\n    setIpAllowList(cidrs: $cidrs, force: $force) {\n      id\n      ipAllowList\n    }\n  }\n"): typeof import('./graphql').ConsoleSetIpAllowListDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ScalarValue on AnyValue {\n    __typename\n    ... on StringValue {\n      stringValue\n    }\n    ... on BoolValue {\n      boolValue\n    }\n    ... on IntValue {\n      intValue\n    }\n    ... on DoubleValue {\n      doubleValue\n      text\n    }\n    ... on BytesValue {\n      bytesValue\n    }\n    ... on EmptyValue {\n      empty\n    }\n  }\n"): typeof import('./graphql').ScalarValueFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment NestedValue on AnyValue {\n    ...ScalarValue\n    ... on ArrayValue {\n      arrayValue {\n        ...ScalarValue\n      }\n    }\n    ... on KvlistValue {\n      kvlistValue {\n        key\n        valueType\n        value {\n          ...ScalarValue\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').NestedValueFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AttributeDetail on Attribute {\n    key\n    valueType\n    value {\n      ...ScalarValue\n      ... on ArrayValue {\n        arrayValue {\n          ...NestedValue\n        }\n      }\n      ... on KvlistValue {\n        kvlistValue {\n          key\n          valueType\n          value {\n            ...NestedValue\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').AttributeDetailFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleSpan($traceId: String!, $spanId: String!) {\n    span(traceId: $traceId, spanId: $spanId) {\n      traceId\n      spanId\n      parentSpanId\n      name\n      kind\n      serviceName\n      serviceNamespace\n      startTime\n      endTime\n      durationMs\n      traceState\n      flags\n      issueFingerprint\n      status {\n        code\n        message\n      }\n      attributes {\n        ...AttributeDetail\n      }\n      droppedAttributesCount\n      events {\n        name\n        time\n        timeUnixNano\n        droppedAttributesCount\n        attributes {\n          ...AttributeDetail\n        }\n      }\n      droppedEventsCount\n      links {\n        traceId\n        spanId\n        traceState\n        flags\n        droppedAttributesCount\n        attributes {\n          ...AttributeDetail\n        }\n      }\n      droppedLinksCount\n      resource {\n        schemaUrl\n        droppedAttributesCount\n        attributes {\n          ...AttributeDetail\n        }\n      }\n      scope {\n        name\n        version\n        schemaUrl\n        droppedAttributesCount\n        attributes {\n          ...AttributeDetail\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').ConsoleSpanDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleTrace($traceId: String!) {\n    trace(traceId: $traceId) {\n      traceId\n      startTime\n      durationMs\n      spanCount\n      errorCount\n      status\n      services\n      rootServiceName\n      rootOperation\n      spans(first: 10000) {\n        spanId\n        parentSpanId\n        name\n        serviceName\n        kind\n        durationMs\n        startTimeUnixNano\n        endTimeUnixNano\n        status {\n          code\n        }\n      }\n      criticalPath {\n        spanId\n        segments {\n          startTimeUnixNano\n          endTimeUnixNano\n        }\n      }\n      completeness {\n        status\n        unknownReason\n        droppedSpans\n        clusters\n        reports {\n          nodeId\n          cluster\n          droppedSpans\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').ConsoleTraceDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
