/// How ScatterElements and ScatterND combine a written element with the one it lands on (`reduction`).
enum ScatterReduction: String, AttributeChoice {
    case replace = "none", add, mul, max, min
}
