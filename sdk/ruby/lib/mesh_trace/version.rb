# frozen_string_literal: true

module MeshTrace
  VERSION = "0.1.0"
end
