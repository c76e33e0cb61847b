/// `airisk validate` was given something that is not a results document or a catalog directory: the message
/// says what it was given and what the command accepts (exit status 1, no usage text).
struct ValidateInputError: Error, CustomStringConvertible {
    let message: String

    var description: String { message }
}
