# frozen_string_literal: true

require "uri"

module MeshTrace
  # One page of a list. Enumerating it (each, map, first(n), lazy …) yields the
  # items of this page and of every following page, each page fetched when the
  # enumeration reaches it; leaving early (break, first(n)) stops the fetching.
  class Page
    include Enumerable

    # items: this page's; next_cursor: nil on the last page; total: matches over
    # all pages (total_matched of trace lists, total of the others).
    attr_reader :items, :next_cursor, :total, :rate_limit, :request_id

    def initialize(items:, next_cursor:, total:, response:, &fetch)
      @items = items
      @next_cursor = next_cursor
      @total = total
      @rate_limit = response.rate_limit
      @request_id = response.request_id
      @fetch = fetch
    end

    def next_page?
      !@next_cursor.nil?
    end

    # The following page (one request), or nil on the last page.
    def next_page
      @next_cursor.nil? ? nil : @fetch.call(@next_cursor)
    end

    # This page and every following one, each fetched when reached.
    def each_page
      return enum_for(:each_page) unless block_given?

      page = self
      while page
        yield page
        page = page.next_page
      end
    end

    def each(&block)
      return enum_for(:each) unless block_given?

      each_page { |page| page.items.each(&block) }
    end

    def inspect
      "#<MeshTrace::Page items=#{@items.size} total=#{@total} next_cursor=#{@next_cursor.inspect}>"
    end

    NEXT_LINK = /<([^>]*)>\s*;\s*rel="?next"?/.freeze

    # The cursor of the rel="next" target of a Link header (RFC 8288). Only the
    # cursor is kept, and sent with this client's own base URL and parameters,
    # so a gateway behind a path-rewriting proxy still pages right.
    def self.cursor_of_link(link)
      target = link && NEXT_LINK.match(link)&.captures&.first
      return nil if target.nil?

      query = URI(target).query
      query && URI.decode_www_form(query).to_h["cursor"]
    end
  end
end
