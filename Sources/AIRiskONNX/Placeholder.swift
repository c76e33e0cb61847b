// AIRiskONNX
