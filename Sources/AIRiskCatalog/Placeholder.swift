// AIRiskCatalog
