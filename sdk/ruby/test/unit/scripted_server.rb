# frozen_string_literal: true

require "json"
require "socket"
require "uri"

# A scripted HTTP/1.1 server on a loopback port: a test queues the answers the
# client should get and reads back the requests it made. { drop: true } closes
# the connection without answering (a network failure to the client).
class ScriptedServer
  Seen = Struct.new(:method, :path, :query, :headers, :body, keyword_init: true)

  attr_reader :url

  def initialize
    @server = TCPServer.new("127.0.0.1", 0)
    @url = "http://127.0.0.1:#{@server.addr[1]}/v1"
    @answers = Queue.new
    @requests = []
    @lock = Mutex.new
    @thread = Thread.new { loop { serve(@server.accept) } }
  end

  def queue(*answers)
    answers.each { |a| @answers << a }
  end

  def requests
    @lock.synchronize { @requests.dup }
  end

  def close
    @thread.kill
    @server.close
  end

  private

  def serve(socket)
    request_line = socket.gets or return socket.close
    method, target = request_line.split
    headers = {}
    while (line = socket.gets) && line != "\r\n"
      name, value = line.split(":", 2)
      headers[name.downcase] = value.strip
    end
    raw = headers["content-length"] ? socket.read(Integer(headers["content-length"], 10)) : ""
    uri = URI(target)
    @lock.synchronize do
      @requests << Seen.new(method: method, path: uri.path, query: URI.decode_www_form(uri.query || "").to_h,
                            headers: headers, body: raw.empty? ? nil : JSON.parse(raw))
    end
    answer = @answers.empty? ? { status: 500, body: { error: { code: "unscripted", message: "no answer queued", param: nil, request_id: "req_0" } } } : @answers.pop
    return socket.close if answer[:drop]

    payload = answer[:body].is_a?(String) ? answer[:body] : JSON.generate(answer[:body])
    head = ["HTTP/1.1 #{answer.fetch(:status, 200)} X", "Content-Type: application/json", "Content-Length: #{payload.bytesize}", "Connection: close"]
    (answer[:headers] || {}).each { |name, value| head << "#{name}: #{value}" }
    socket.write("#{head.join("\r\n")}\r\n\r\n#{payload}")
    socket.close
  end
end

def error_body(code, message, param = nil, request_id = "req_unit")
  { error: { code: code, message: message, param: param, request_id: request_id } }
end

def summary(trace_id)
  { trace_id: trace_id, root_service: "api-gateway", root_operation: "POST /api/orders", duration_ms: 142, span_count: 23,
    status: "ok", started_at: "2026-03-15T08:22:41.003Z", services: %w[api-gateway order-svc] }
end
