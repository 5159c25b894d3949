module mesh-trace-gateway/examples/mackerel-go

go 1.25.0

require github.com/mackerelio/mackerel-client-go v0.43.0
