// IqosBot in Azure, one resource group: the bot on App Service (two or more instances, autoscaled), PostgreSQL and
// Redis for what the instances share, Key Vault for every secret, the Azure Bot for Teams, monitoring, and
// optionally Azure AI Language for CLU. deploy.sh runs it with main.test.bicepparam or main.prod.bicepparam.
// Secrets arrive as @secure() parameters or from listKeys() and go into Key Vault (the database password also to its
// server); no output carries one.

targetScope = 'resourceGroup'

@allowed([
  'test'
  'prod'
])
param environmentName string

param location string = resourceGroup().location

@description('Start of every resource name: lower-case letters and digits, so it is valid for every resource type.')
@minLength(3)
@maxLength(10)
param namePrefix string = 'iqosbot'

// --- App Service --------------------------------------------------------------------------------------------------

param appServiceSku string = 'P1v3'

@description('Instances from the start and autoscale\'s minimum; never fewer than two.')
@minValue(2)
param instanceCount int = 2

@minValue(2)
@maxValue(30)
param maxInstanceCount int = 4

param zoneRedundant bool = false

// --- PostgreSQL ---------------------------------------------------------------------------------------------------

param postgresSkuName string = 'Standard_B1ms'

@allowed([
  'Burstable'
  'GeneralPurpose'
  'MemoryOptimized'
])
param postgresSkuTier string = 'Burstable'

@allowed([
  '15'
  '16'
])
param postgresVersion string = '16'

@minValue(32)
param postgresStorageSizeGB int = 32

@minValue(7)
@maxValue(35)
param postgresBackupRetentionDays int = 7

param postgresHighAvailability bool = false

param postgresAdminLogin string = 'iqosbot'

@secure()
@minLength(16)
param postgresAdminPassword string

@description('Npgsql\'s Maximum Pool Size per instance. maxInstanceCount × this must stay under the server\'s max_connections less the 15 Azure reserves (Standard_B1ms: 50, so 35 for users), or new connections are refused at peak.')
@minValue(5)
param postgresPoolSize int = 8

// --- Redis --------------------------------------------------------------------------------------------------------

@description('managed: Azure Managed Redis (the default, and what a subscription without an Azure Cache for Redis before April 2026 can create); cache: Azure Cache for Redis (retires September 2028), with the redisSku* parameters.')
@allowed([
  'managed'
  'cache'
])
param redisService string = 'managed'

@description('Azure Managed Redis size (redisService managed).')
param managedRedisSkuName string = 'Balanced_B0'

@description('Azure Managed Redis with a replica (redisService managed).')
param managedRedisHighAvailability bool = false


@allowed([
  'Basic'
  'Standard'
  'Premium'
])
param redisSkuName string = 'Basic'

@allowed([
  'C'
  'P'
])
param redisSkuFamily string = 'C'

@minValue(0)
@maxValue(6)
param redisSkuCapacity int = 0

// --- Key Vault and monitoring ---------------------------------------------------------------------------------------

param keyVaultPurgeProtection bool = false

@minValue(7)
@maxValue(90)
param keyVaultSoftDeleteRetentionDays int = 90

@minValue(30)
@maxValue(730)
param logRetentionDays int = 30

// --- Language (CLU) -----------------------------------------------------------------------------------------------

@description('Deploy Azure AI Language and set the bot to Recognizer:Kind=Clu (deploy.sh then imports, trains and deploys deployment/clu).')
param deployLanguage bool = false

@description('The CLU project and deployment the bot queries; deploy.sh creates them under these names.')
param cluProjectName string = 'iqosbot'

param cluDeploymentName string = 'production'

// --- What the bot talks to ----------------------------------------------------------------------------------------

@description('The benefits/CRM API\'s base address, ending in "/".')
param benefitsBaseUrl string

@secure()
@minLength(1)
param benefitsApiKey string

@description('Signs Direct Line tokens; at least 32 characters (the bot refuses a shorter one in Production).')
@secure()
@minLength(32)
param directLineSecret string

@description('OpenID Connect authority for agent sign-in; empty: this tenant\'s Entra ID (v2.0 endpoint).')
param oidcAuthority string = ''

@description('Client id of the agent console\'s Entra ID app registration.')
param oidcClientId string

@secure()
@minLength(1)
param oidcClientSecret string

@description('The app role an agent must have (an Entra ID app role on the registration).')
param oidcRequiredRole string = 'Agent'

@description('Networks App Service\'s front ends reach the app from: their X-Forwarded-For is believed for rate limits.')
param trustedProxies array = [
  '10.0.0.0/8'
  '172.16.0.0/12'
  '169.254.0.0/16'
]

@description('Origins of the sites that embed the chat (e.g. https://www.example.se): the browser may fetch a token and talk Direct Line from them (DirectLine:AllowedOrigins). Empty: only the bot\'s own page.')
param websiteOrigins array = []

param botDisplayName string = 'IQOS'

@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

param tags object = {}

// Globally unique names (web app host, vault, caches, servers, the Language subdomain, the bot handle) get a short,
// stable suffix from the resource group, so a second deployment elsewhere does not collide and a re-run keeps names.
var suffix = take(uniqueString(subscription().id, resourceGroup().id), 6)
var stem = '${namePrefix}-${environmentName}'
var allTags = union({ application: 'iqosbot', environment: environmentName }, tags)
var authority = empty(oidcAuthority) ? '${environment().authentication.loginEndpoint}${tenant().tenantId}/v2.0' : oidcAuthority

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: {
    name: '${stem}-bot'
    location: location
    tags: allTags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    workspaceName: '${stem}-logs'
    appInsightsName: '${stem}-insights'
    location: location
    retentionInDays: logRetentionDays
    tags: allTags
  }
}

module postgres 'modules/postgres.bicep' = {
  name: 'postgres'
  params: {
    name: '${stem}-pg-${suffix}'
    location: location
    version: postgresVersion
    skuName: postgresSkuName
    skuTier: postgresSkuTier
    storageSizeGB: postgresStorageSizeGB
    backupRetentionDays: postgresBackupRetentionDays
    highAvailability: postgresHighAvailability
    administratorLogin: postgresAdminLogin
    administratorLoginPassword: postgresAdminPassword
    tags: allTags
  }
}

module managedRedis 'modules/managed-redis.bicep' = if (redisService == 'managed') {
  name: 'managed-redis'
  params: {
    name: '${stem}-redis-${suffix}'
    location: location
    skuName: managedRedisSkuName
    highAvailability: managedRedisHighAvailability
    tags: allTags
  }
}

module redis 'modules/redis.bicep' = if (redisService == 'cache') {
  name: 'redis'
  params: {
    name: '${stem}-redis-${suffix}'
    location: location
    skuName: redisSkuName
    skuFamily: redisSkuFamily
    skuCapacity: redisSkuCapacity
    tags: allTags
  }
}

module language 'modules/language.bicep' = if (deployLanguage) {
  name: 'language'
  params: {
    name: '${stem}-lang-${suffix}'
    location: location
    tags: allTags
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    name: '${stem}-${suffix}'
    location: location
    readerPrincipalId: identity.outputs.principalId
    enablePurgeProtection: keyVaultPurgeProtection
    softDeleteRetentionInDays: keyVaultSoftDeleteRetentionDays
    directLineSecret: directLineSecret
    benefitsApiKey: benefitsApiKey
    oidcClientSecret: oidcClientSecret
    postgresHost: postgres.outputs.fullyQualifiedDomainName
    postgresDatabase: postgres.outputs.databaseName
    postgresAdminLogin: postgresAdminLogin
    postgresAdminPassword: postgresAdminPassword
    postgresPoolSize: postgresPoolSize
    redisService: redisService
    redisName: redisService == 'managed' ? managedRedis!.outputs.name : redis!.outputs.name
    languageName: deployLanguage ? language!.outputs.name : ''
    logAnalyticsWorkspaceId: monitoring.outputs.workspaceId
    tags: allTags
  }
}

module app 'modules/appservice.bicep' = {
  name: 'appservice'
  params: {
    planName: '${stem}-plan'
    siteName: '${stem}-${suffix}'
    autoscaleName: '${stem}-autoscale'
    location: location
    skuName: appServiceSku
    instanceCount: instanceCount
    maxInstanceCount: maxInstanceCount
    zoneRedundant: zoneRedundant
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    appInsightsName: monitoring.outputs.appInsightsName
    logAnalyticsWorkspaceId: monitoring.outputs.workspaceId
    directLineSecretUri: keyVault.outputs.directLineSecretUri
    benefitsApiKeyUri: keyVault.outputs.benefitsApiKeyUri
    oidcClientSecretUri: keyVault.outputs.oidcClientSecretUri
    postgresConnectionUri: keyVault.outputs.postgresConnectionUri
    redisConnectionUri: keyVault.outputs.redisConnectionUri
    useClu: deployLanguage
    cluKeyUri: keyVault.outputs.cluKeyUri
    cluEndpoint: deployLanguage ? language!.outputs.endpoint : ''
    cluProjectName: cluProjectName
    cluDeploymentName: cluDeploymentName
    benefitsBaseUrl: benefitsBaseUrl
    oidcAuthority: authority
    oidcClientId: oidcClientId
    oidcRequiredRole: oidcRequiredRole
    trustedProxies: trustedProxies
    websiteOrigins: websiteOrigins
    tags: allTags
  }
}

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    name: '${stem}-${suffix}'
    displayName: botDisplayName
    hostName: app.outputs.hostName
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    identityTenantId: identity.outputs.tenantId
    skuName: botSku
    tags: allTags
  }
}

output webAppName string = app.outputs.name
output webAppHostName string = app.outputs.hostName
output botAppId string = identity.outputs.clientId
output botName string = bot.outputs.name
output keyVaultName string = keyVault.outputs.name
output postgresServerName string = postgres.outputs.name
output redisService string = redisService
output redisName string = redisService == 'managed' ? managedRedis!.outputs.name : redis!.outputs.name
output languageName string = deployLanguage ? language!.outputs.name : ''
output languageEndpoint string = deployLanguage ? language!.outputs.endpoint : ''
output cluProjectName string = cluProjectName
output cluDeploymentName string = cluDeploymentName
