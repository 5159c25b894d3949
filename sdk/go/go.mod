module mesh-trace/sdk-go

go 1.23
