// AIRiskTensor
