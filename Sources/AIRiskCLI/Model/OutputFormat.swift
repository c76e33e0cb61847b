import ArgumentParser

/// Text for people, JSON for scripts.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
}
