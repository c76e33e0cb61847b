// AIRiskXML
