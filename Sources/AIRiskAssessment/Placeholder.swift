// AIRiskAssessment
