// Production: three instances from the start across availability zones, autoscale to ten, PostgreSQL with a
// zone-redundant standby, Azure Managed Redis with a replica, purge-protected Key Vault, and CLU (Azure AI Language).
// deploy.sh exports the IQOSBOT_* variables; secrets are never written in this file.
using 'main.bicep'

param environmentName = 'prod'
param namePrefix = readEnvironmentVariable('IQOSBOT_NAME_PREFIX', 'iqosbot')

param appServiceSku = 'P1v3'
param instanceCount = 3
param maxInstanceCount = 10
param zoneRedundant = true

// General Purpose D2ds_v5: max_connections 859, of which Azure keeps 15; 10 instances × 50 = 500 of the 844 left.
param postgresSkuName = 'Standard_D2ds_v5'
param postgresSkuTier = 'GeneralPurpose'
param postgresHighAvailability = true
param postgresBackupRetentionDays = 35
param postgresPoolSize = 50
param postgresAdminPassword = readEnvironmentVariable('IQOSBOT_POSTGRES_PASSWORD')

// Azure Managed Redis with a replica in another zone.
param redisService = 'managed'
param managedRedisSkuName = 'Balanced_B1'
param managedRedisHighAvailability = true

param keyVaultPurgeProtection = true
param keyVaultSoftDeleteRetentionDays = 90

param deployLanguage = true

// The paid tier, which the Bot Service SLA covers; Teams and Direct Line are standard channels, not billed per message on either tier.
param botSku = 'S1'

param benefitsBaseUrl = readEnvironmentVariable('IQOSBOT_BENEFITS_BASE_URL')
param benefitsApiKey = readEnvironmentVariable('IQOSBOT_BENEFITS_API_KEY')
param directLineSecret = readEnvironmentVariable('IQOSBOT_DIRECT_LINE_SECRET')
param oidcAuthority = readEnvironmentVariable('IQOSBOT_OIDC_AUTHORITY', '')
param oidcClientId = readEnvironmentVariable('IQOSBOT_OIDC_CLIENT_ID')
param oidcClientSecret = readEnvironmentVariable('IQOSBOT_OIDC_CLIENT_SECRET')
param oidcRequiredRole = readEnvironmentVariable('IQOSBOT_OIDC_REQUIRED_ROLE', 'Agent')

// The company's sites that embed the chat, separated by spaces (none: only the bot's own page at its host).
param websiteOrigins = filter(split(readEnvironmentVariable('IQOSBOT_WEBSITE_ORIGINS', ''), ' '), origin => !empty(origin))
