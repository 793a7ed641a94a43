// Every secret the bot reads, in one vault: the web app's settings are only @Microsoft.KeyVault(SecretUri=...)
// references, resolved by App Service with the bot's identity, so no secret is in the site's configuration, in an
// ARM output or in the deployment history. Keys that Azure generates (Redis, Language) are read here with listKeys()
// and written straight into secrets, never passed through a parameter or an output.

param name string

param location string

@description('Principal (object) id of the bot\'s user-assigned identity, which may read the secrets.')
param readerPrincipalId string

@description('Soft-deleted secrets and the vault itself can be recovered for this many days.')
@minValue(7)
@maxValue(90)
param softDeleteRetentionInDays int = 90

@description('With purge protection, a deleted vault or secret cannot be purged before its retention ends (not even by an owner). Once on it cannot be turned off, so test deployments leave it off to be deletable.')
param enablePurgeProtection bool

@secure()
@minLength(32)
param directLineSecret string

@secure()
param benefitsApiKey string

@secure()
param oidcClientSecret string

param postgresHost string

param postgresDatabase string

param postgresAdminLogin string

@secure()
param postgresAdminPassword string

@description('Npgsql\'s Maximum Pool Size for each instance.')
param postgresPoolSize int

@description('managed (Azure Managed Redis) or cache (Azure Cache for Redis): where redisName is.')
@allowed([
  'managed'
  'cache'
])
param redisService string

param redisName string

@description('The Language account whose key becomes the clu-key secret; empty when CLU is not deployed.')
param languageName string = ''

param logAnalyticsWorkspaceId string

param tags object

// Built-in role "Key Vault Secrets User": read secret values, nothing else.
var secretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'

resource vault 'Microsoft.KeyVault/vaults@2024-11-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    // Access by Azure RBAC only (no access policies), so who may read a secret is one role assignment, audited.
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: softDeleteRetentionInDays
    // ARM refuses false once it has been true; null leaves it off without ever sending false.
    enablePurgeProtection: enablePurgeProtection ? true : null
    publicNetworkAccess: 'Enabled'
  }
}

resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, readerPrincipalId, secretsUserRoleId)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsUserRoleId)
    principalId: readerPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource redis 'Microsoft.Cache/redis@2024-11-01' existing = if (redisService == 'cache') {
  name: redisName
}

resource managedRedis 'Microsoft.Cache/redisEnterprise@2025-07-01' existing = if (redisService == 'managed') {
  name: redisName
}

resource managedRedisDatabase 'Microsoft.Cache/redisEnterprise/databases@2025-07-01' existing = if (redisService == 'managed') {
  parent: managedRedis
  name: 'default'
}

resource language 'Microsoft.CognitiveServices/accounts@2024-10-01' existing = if (!empty(languageName)) {
  name: languageName
}

resource directLineSecretValue 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = {
  parent: vault
  name: 'direct-line-secret'
  properties: {
    value: directLineSecret
  }
}

resource benefitsApiKeyValue 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = {
  parent: vault
  name: 'benefits-api-key'
  properties: {
    value: benefitsApiKey
  }
}

resource oidcClientSecretValue 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = {
  parent: vault
  name: 'oidc-client-secret'
  properties: {
    value: oidcClientSecret
  }
}

// Each instance keeps up to Maximum Pool Size connections open; TLS is required by the server as well.
resource postgresConnection 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = {
  parent: vault
  name: 'postgres-connection'
  properties: {
    value: 'Host=${postgresHost};Database=${postgresDatabase};Username=${postgresAdminLogin};Password=${postgresAdminPassword};SSL Mode=Require;Maximum Pool Size=${postgresPoolSize}'
  }
}

// abortConnect=False: an instance starts (and reports not ready on /readyz) while Redis is briefly unreachable,
// instead of failing its start.
resource redisConnection 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = {
  parent: vault
  name: 'redis-connection'
  properties: {
    value: redisService == 'managed'
      ? '${managedRedis!.properties.hostName}:10000,password=${managedRedisDatabase!.listKeys().primaryKey},ssl=True,abortConnect=False'
      : '${redis!.properties.hostName}:${redis!.properties.sslPort},password=${redis!.listKeys().primaryKey},ssl=True,abortConnect=False'
  }
}

resource cluKey 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = if (!empty(languageName)) {
  parent: vault
  name: 'clu-key'
  properties: {
    value: language!.listKeys().key1
  }
}

resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: vault
  name: 'to-log-analytics'
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    logs: [
      {
        // Who read or changed which secret, when.
        categoryGroup: 'audit'
        enabled: true
      }
    ]
  }
}

output name string = vault.name

// Versioned URIs: a deployment that changes a secret changes the app setting that names it, so App Service restarts
// the app with the new value at once instead of serving the cached one for up to a day.
output directLineSecretUri string = directLineSecretValue.properties.secretUriWithVersion
output benefitsApiKeyUri string = benefitsApiKeyValue.properties.secretUriWithVersion
output oidcClientSecretUri string = oidcClientSecretValue.properties.secretUriWithVersion
output postgresConnectionUri string = postgresConnection.properties.secretUriWithVersion
output redisConnectionUri string = redisConnection.properties.secretUriWithVersion
output cluKeyUri string = empty(languageName) ? '' : cluKey!.properties.secretUriWithVersion
