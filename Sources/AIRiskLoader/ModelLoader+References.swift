import AIRiskAccess
import AIRiskAssessment
import AIRiskONNX
import AIRiskProbes
import Foundation

extension ModelLoader {
    /// The most reference models a directory may hold (far more than LiRA's 64 or RMIA's few).
    package static let maxReferenceModels = 1024

    /// Reads a `--reference-models` directory: every `NAME.onnx` with its `NAME.members.txt` (the 0-based rows
    /// of the target records, members then non-members in file order, the model was trained on), in file-name
    /// order. Errors name the file: a missing or malformed members list, an ONNX file that does not load, a
    /// directory without models. Shapes and row ranges are checked against the target once the data is read.
    package func loadReferences(_ directory: URL, inputShape: [Int]? = nil) throws -> ReferenceModelSet {
        let path = directory.path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw AssessmentError.badReferenceModels(
                source: "--reference-models \(path)", problem: "not a directory",
                fix: "give a directory of NAME.onnx files, each with NAME.members.txt")
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: path).sorted()
        } catch {
            throw AssessmentError.badReferenceModels(
                source: "--reference-models \(path)", problem: "cannot list the directory (\(error))", fix: nil)
        }
        let onnxFiles = names.filter { $0.hasSuffix(".onnx") && !$0.hasPrefix(".") }
        guard !onnxFiles.isEmpty else {
            throw AssessmentError.badReferenceModels(
                source: "--reference-models \(path)", problem: "no reference model (.onnx file) found",
                fix: "at least 1 is needed, each NAME.onnx with NAME.members.txt listing the 0-based rows of the "
                    + "members then non-members it was trained on")
        }
        guard onnxFiles.count <= Self.maxReferenceModels else {
            throw AssessmentError.badReferenceModels(
                source: "--reference-models \(path)",
                problem: "\(onnxFiles.count) .onnx files, more than the \(Self.maxReferenceModels) reference models "
                    + "airisk reads", fix: nil)
        }
        progress("loading \(onnxFiles.count) reference models from \(path)")
        var models: [ReferenceModel] = []
        for file in onnxFiles {
            let modelURL = directory.appendingPathComponent(file)
            let stem = String(file.dropLast(".onnx".count))
            let rowsURL = directory.appendingPathComponent(stem + ".members.txt")
            guard FileManager.default.fileExists(atPath: rowsURL.path) else {
                throw AssessmentError.badReferenceModels(
                    source: "reference model \(modelURL.path)", problem: "\(rowsURL.lastPathComponent) is missing",
                    fix: "write beside it the 0-based rows of the target records (members then non-members, in file "
                        + "order) it was trained on, one per line")
            }
            let text: String
            do {
                let data = try Data(contentsOf: rowsURL)
                guard data.count <= 64 << 20 else {
                    throw AssessmentError.badReferenceModels(
                        source: "reference model \(rowsURL.path)", problem: "larger than 64 MiB", fix: nil)
                }
                guard let decoded = String(data: data, encoding: .utf8) else {
                    throw AssessmentError.badReferenceModels(
                        source: "reference model \(rowsURL.path)", problem: "not UTF-8 text", fix: nil)
                }
                text = decoded
            } catch let error as AssessmentError {
                throw error
            } catch {
                throw AssessmentError.badReferenceModels(
                    source: "reference model \(rowsURL.path)", problem: "cannot be read (\(error))", fix: nil)
            }
            let rows: [Int]
            do {
                rows = try ReferenceModel.trainingRows(parsing: text, file: rowsURL.path)
            } catch {
                guard case .badReferenceModel(let file, let reason) = error else {
                    throw AssessmentError.badReferenceModels(
                        source: "reference model \(rowsURL.path)", problem: "\(error)", fix: nil)
                }
                throw AssessmentError.badReferenceModels(source: "reference model \(file)", problem: reason, fix: nil)
            }
            let access: ONNXModelAccess
            do {
                access = try self.access(try openFile(modelURL), name: file, inputShape: inputShape)
            } catch {
                throw AssessmentError.badReferenceModels(
                    source: "reference model \(modelURL.path)", problem: "\(error)", fix: nil)
            }
            models.append(
                ReferenceModel(file: modelURL.path, model: access, trainingRows: rows, rowsFile: rowsURL.path))
        }
        return ReferenceModelSet(origin: path, models: models)
    }
}
