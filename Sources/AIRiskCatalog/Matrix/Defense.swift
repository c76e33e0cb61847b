/// A defense (防御手法) listed in one or more matrix cells.
package struct Defense: Sendable, Equatable, Encodable, CatalogElement {
    package var id: String
    package var name: LocalizedName
    package var status: VerificationStatus
    /// The attack classes (cells) that list this defense.
    package var cells: [StatusLink]
    package var url: String?
    package var paper: Paper?
    package var summary: String?
    package var note: String?
    package var location: SourceLocation

    static let xmlSources: [String: XMLSource] = [
        "cells": .children("cell", ref: "class"), "summary": .childText, "note": .childText,
    ]
}
