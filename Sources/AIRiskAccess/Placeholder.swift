// AIRiskAccess
