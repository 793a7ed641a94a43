// Where the bot's logs, traces and metrics go: one Log Analytics workspace (App Service's and Key Vault's resource
// logs, through diagnostic settings) and a workspace-based Application Insights, which the bot's OpenTelemetry
// exporter writes to when APPLICATIONINSIGHTS_CONNECTION_STRING is set. Classic (non-workspace) Application Insights
// is retired, so the component must name its workspace.

param workspaceName string

param appInsightsName string

param location string

@description('Days the workspace keeps data; 30 is included in the ingestion price, longer is billed per GB and month.')
@minValue(30)
@maxValue(730)
param retentionInDays int = 30

param tags object

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: workspaceName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: appInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    IngestionMode: 'LogAnalytics'
  }
}

output workspaceId string = workspace.id
output appInsightsName string = appInsights.name
