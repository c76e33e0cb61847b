import Foundation

/// A picture a probe produced, such as an inversion reconstruction beside its class mean.
package struct ImageArtifact: Sendable, Equatable, Codable {
    /// Where the picture's bytes are.
    package enum Content: Sendable, Equatable, Codable {
        /// PNG bytes held in the document (base64 in XML and JSON).
        case png(Data)
        /// A PNG file beside the results document, by relative path.
        case file(String)

        private enum CodingKeys: String, CodingKey { case png, file }

        package init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            if let png = try c.decodeIfPresent(Data.self, forKey: .png) {
                self = .png(png)
            } else {
                self = .file(try c.decode(String.self, forKey: .file))
            }
        }

        package func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            switch self {
            case .png(let data): try c.encode(data, forKey: .png)
            case .file(let path): try c.encode(path, forKey: .file)
            }
        }
    }

    package var title: String
    package var caption: String
    /// The class the picture belongs to, if any.
    package var classLabel: String?
    package var content: Content
    package var width: Int
    package var height: Int

    package init(title: String, caption: String, classLabel: String? = nil, content: Content, width: Int, height: Int) {
        self.title = title
        self.caption = caption
        self.classLabel = classLabel
        self.content = content
        self.width = width
        self.height = height
    }
}
