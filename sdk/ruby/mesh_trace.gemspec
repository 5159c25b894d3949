# frozen_string_literal: true

require_relative "lib/mesh_trace/version"

Gem::Specification.new do |spec|
  spec.name = "mesh_trace"
  spec.version = MeshTrace::VERSION
  spec.summary = "Client library for the Mesh-Trace REST API v1"
  spec.description = "Traces, collector nodes, services, topology and alert rules of a Mesh-Trace gateway, " \
                     "with typed models and errors, automatic retries and built-in pagination. Standard library only."
  spec.authors = ["Mesh-Trace"]
  spec.license = "Apache-2.0"
  spec.required_ruby_version = ">= 3.0"
  spec.files = Dir["lib/**/*.rb"] + ["README.md"]
  spec.require_paths = ["lib"]
  spec.metadata = { "rubygems_mfa_required" => "true" }
end
