// The bot itself: a Linux App Service plan with at least two instances behind App Service's front ends (round robin,
// no affinity: every instance can take any request, since everything shared is in PostgreSQL and Redis), autoscale
// on CPU, and the web app running the published IqosBot.Bot.dll on .NET 10.

param planName string

param siteName string

param autoscaleName string

param location string

@description('App Service plan size. Premium v3 (P0v3 and up) for zone redundancy, autoscale and enough memory per instance.')
param skuName string = 'P1v3'

@description('Instances from the start and the autoscale minimum. Two or more: one instance down (a platform update, a crash) must not take the bot down, and the bot\'s instance-spanning features are built for it.')
@minValue(2)
param instanceCount int

@description('Autoscale\'s ceiling. Each instance keeps up to postgresPoolSize PostgreSQL connections, so this times the pool must stay under the server\'s max_connections.')
@minValue(2)
@maxValue(30)
param maxInstanceCount int

@description('Spread the plan\'s instances over availability zones (the region must have them).')
param zoneRedundant bool = false

@description('Resource id of the bot\'s user-assigned identity.')
param identityId string

@description('Client id of that identity: the Bot Framework app id.')
param identityClientId string

param appInsightsName string

param logAnalyticsWorkspaceId string

@description('Key Vault secret URIs, each made into an @Microsoft.KeyVault(SecretUri=...) reference.')
param directLineSecretUri string
param benefitsApiKeyUri string
param oidcClientSecretUri string
param postgresConnectionUri string
param redisConnectionUri string

@description('Recognizer:Kind=Clu with the settings below; otherwise the bot\'s embedded recognizer and no Clu settings.')
param useClu bool

@description('Key Vault URI of the CLU key; empty without CLU.')
param cluKeyUri string = ''

param cluEndpoint string = ''

param cluProjectName string

param cluDeploymentName string

param benefitsBaseUrl string

param oidcAuthority string

param oidcClientId string

param oidcRequiredRole string

@description('Addresses or networks of the proxies whose X-Forwarded-For the bot believes (RateLimits:TrustedProxies).')
param trustedProxies array

@description('Origins of the sites that embed the chat (DirectLine:AllowedOrigins).')
param websiteOrigins array

param tags object

// Kestrel's port inside the container, and WEBSITES_PORT names the same one to App Service. Urls is set as an app
// setting because the bot's appsettings.json says Urls=http://localhost:3978, which would win over the platform's
// ASPNETCORE_URLS and leave the bot listening where no request arrives.
var port = 8080

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: skuName
    capacity: instanceCount
  }
  properties: {
    // ARM's word for a Linux plan; without it the DOTNETCORE|10.0 stack below does not exist.
    reserved: true
    zoneRedundant: zoneRedundant
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: appInsightsName
}

func keyVaultReference(secretUri string) string => '@Microsoft.KeyVault(SecretUri=${secretUri})'

var baseSettings = {
  ASPNETCORE_ENVIRONMENT: 'Production'
  Urls: 'http://+:${port}'
  WEBSITES_PORT: string(port)
  // The zip is dotnet publish's output: nothing for App Service's build to do.
  SCM_DO_BUILD_DURING_DEPLOYMENT: 'false'
  MicrosoftAppType: 'UserAssignedMSI'
  MicrosoftAppId: identityClientId
  MicrosoftAppTenantId: tenant().tenantId
  Storage__Provider: 'Postgres'
  ConnectionStrings__Postgres: keyVaultReference(postgresConnectionUri)
  ConnectionStrings__Redis: keyVaultReference(redisConnectionUri)
  DirectLine__Secret: keyVaultReference(directLineSecretUri)
  Benefits__BaseUrl: benefitsBaseUrl
  Benefits__ApiKey: keyVaultReference(benefitsApiKeyUri)
  AgentConsole__OpenIdConnect__Authority: oidcAuthority
  AgentConsole__OpenIdConnect__ClientId: oidcClientId
  AgentConsole__OpenIdConnect__ClientSecret: keyVaultReference(oidcClientSecretUri)
  AgentConsole__OpenIdConnect__RequiredRole: oidcRequiredRole
  Recognizer__Kind: useClu ? 'Clu' : 'Embedded'
  APPLICATIONINSIGHTS_CONNECTION_STRING: appInsights.properties.ConnectionString
}

var cluSettings = useClu
  ? {
      Clu__Endpoint: cluEndpoint
      Clu__Key: keyVaultReference(cluKeyUri)
      Clu__ProjectName: cluProjectName
      Clu__DeploymentName: cluDeploymentName
    }
  : {}

var proxySettings = toObject(range(0, length(trustedProxies)), i => 'RateLimits__TrustedProxies__${i}', i => string(trustedProxies[i]))

var originSettings = toObject(range(0, length(websiteOrigins)), i => 'DirectLine__AllowedOrigins__${i}', i => string(websiteOrigins[i]))

// Which settings exist depends only on parameters, so every name is known before deployment (only some values wait
// for Azure): `bicep snapshot` and the tests see each setting, and a misspelt name fails them.
var settings = union(baseSettings, cluSettings, proxySettings, originSettings)

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: siteName
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // No ARR affinity cookie: a customer's next request may go to any instance, which is what the bot is built for.
    clientAffinityEnabled: false
    // Key Vault references are resolved with the bot's identity (the web app has no system-assigned one).
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      appCommandLine: 'dotnet IqosBot.Bot.dll'
      // No idle unload: the warm-up and the Direct Line sockets would be lost with it.
      alwaysOn: true
      // Direct Line streams and the agent console's SignalR hub are WebSockets.
      webSocketsEnabled: true
      http20Enabled: true
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      // Ready means warmed up with PostgreSQL and Redis reachable; an instance that fails it gets no traffic and is
      // replaced if it keeps failing. /healthz (process up) would keep sending customers to an instance that cannot serve them.
      healthCheckPath: '/readyz'
      appSettings: map(items(settings), setting => {
        name: setting.key
        value: setting.value
      })
    }
  }
}

// No FTP credentials at all (deploy.sh deploys with `az webapp deploy`, authenticated as the signed-in user).
resource ftpCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource autoscale 'Microsoft.Insights/autoscalesettings@2022-10-01' = {
  name: autoscaleName
  location: location
  tags: tags
  properties: {
    enabled: true
    targetResourceUri: plan.id
    profiles: [
      {
        name: 'cpu'
        capacity: {
          minimum: string(instanceCount)
          maximum: string(maxInstanceCount)
          default: string(instanceCount)
        }
        rules: [
          {
            // Out quickly: a new instance takes a minute or two to start and warm up.
            metricTrigger: {
              metricName: 'CpuPercentage'
              metricNamespace: 'microsoft.web/serverfarms'
              metricResourceUri: plan.id
              timeGrain: 'PT1M'
              statistic: 'Average'
              timeWindow: 'PT5M'
              timeAggregation: 'Average'
              operator: 'GreaterThan'
              threshold: 70
            }
            scaleAction: {
              direction: 'Increase'
              type: 'ChangeCount'
              value: '1'
              cooldown: 'PT5M'
            }
          }
          {
            // In slowly: a removed instance drops its WebSockets (the clients reconnect elsewhere, but not for nothing).
            metricTrigger: {
              metricName: 'CpuPercentage'
              metricNamespace: 'microsoft.web/serverfarms'
              metricResourceUri: plan.id
              timeGrain: 'PT1M'
              statistic: 'Average'
              timeWindow: 'PT15M'
              timeAggregation: 'Average'
              operator: 'LessThan'
              threshold: 30
            }
            scaleAction: {
              direction: 'Decrease'
              type: 'ChangeCount'
              value: '1'
              cooldown: 'PT15M'
            }
          }
        ]
      }
    ]
  }
}

resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: site
  name: 'to-log-analytics'
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    // The bot's own log (stdout, written without personal data) and the platform's, but not App Service's HTTP log:
    // it keeps every client's IP address and each URL's query string, where a Direct Line socket carries its token.
    // Requests are traced by the bot itself (OpenTelemetry to Application Insights, query strings redacted).
    logs: [for category in [
      'AppServiceConsoleLogs'
      'AppServiceAppLogs'
      'AppServicePlatformLogs'
    ]: {
      category: category
      enabled: true
    }]
    metrics: [
      {
        category: 'AllMetrics'
        enabled: true
      }
    ]
  }
}

output name string = site.name
output hostName string = site.properties.defaultHostName
output planName string = plan.name
