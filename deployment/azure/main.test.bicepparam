// Test: the same shape as production (two instances, PostgreSQL, Redis, Key Vault, Teams), smaller and cheaper,
// deletable at once (no purge protection), with the embedded recognizer instead of CLU.
// deploy.sh exports the IQOSBOT_* variables; secrets are never written in this file.
using 'main.bicep'

param environmentName = 'test'
param namePrefix = readEnvironmentVariable('IQOSBOT_NAME_PREFIX', 'iqosbot')

param appServiceSku = 'P0v3'
param instanceCount = 2
param maxInstanceCount = 4
param zoneRedundant = false

// Burstable B1ms: max_connections 50, of which Azure keeps 15; 4 instances × 8 = 32 of the 35 left.
param postgresSkuName = 'Standard_B1ms'
param postgresSkuTier = 'Burstable'
param postgresHighAvailability = false
param postgresBackupRetentionDays = 7
param postgresPoolSize = 8
param postgresAdminPassword = readEnvironmentVariable('IQOSBOT_POSTGRES_PASSWORD')

// Azure Managed Redis, its smallest size, no replica (a restart empties it; the bot carries on).
param redisService = 'managed'
param managedRedisSkuName = 'Balanced_B0'
param managedRedisHighAvailability = false

param keyVaultPurgeProtection = false
param keyVaultSoftDeleteRetentionDays = 7

param deployLanguage = false

param benefitsBaseUrl = readEnvironmentVariable('IQOSBOT_BENEFITS_BASE_URL')
param benefitsApiKey = readEnvironmentVariable('IQOSBOT_BENEFITS_API_KEY')
param directLineSecret = readEnvironmentVariable('IQOSBOT_DIRECT_LINE_SECRET')
param oidcAuthority = readEnvironmentVariable('IQOSBOT_OIDC_AUTHORITY', '')
param oidcClientId = readEnvironmentVariable('IQOSBOT_OIDC_CLIENT_ID')
param oidcClientSecret = readEnvironmentVariable('IQOSBOT_OIDC_CLIENT_SECRET')
param oidcRequiredRole = readEnvironmentVariable('IQOSBOT_OIDC_REQUIRED_ROLE', 'Agent')

// The company's sites that embed the chat, separated by spaces (none: only the bot's own page at its host).
param websiteOrigins = filter(split(readEnvironmentVariable('IQOSBOT_WEBSITE_ORIGINS', ''), ' '), origin => !empty(origin))
