// Azure Managed Redis, the successor of Azure Cache for Redis (which retires in September 2028 and which, since April
// 2026, only subscriptions that already had one may create): the same job for the bot as modules/redis.bicep, shared
// by every instance. One cluster with one database.

param name string

param location string

@description('A Balanced size (Balanced_B0 is the smallest); Memory or Compute Optimized ones work the same.')
param skuName string = 'Balanced_B0'

@description('A replica in another zone, for production; without it a platform update restarts the cache empty, which the bot survives.')
param highAvailability bool = false

param tags object

resource cluster 'Microsoft.Cache/redisEnterprise@2025-07-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: skuName
  }
  properties: {
    minimumTlsVersion: '1.2'
    highAvailability: highAvailability ? 'Enabled' : 'Disabled'
    publicNetworkAccess: 'Enabled'
  }
}

resource database 'Microsoft.Cache/redisEnterprise/databases@2025-07-01' = {
  parent: cluster
  name: 'default'
  properties: {
    // TLS only, on the one port Azure Managed Redis serves.
    clientProtocol: 'Encrypted'
    port: 10000
    // One endpoint, as for a single Redis server: the bot's pub/sub, the SignalR backplane and the Data Protection
    // keys use StackExchange.Redis without cluster routing.
    clusteringPolicy: 'EnterpriseCluster'
    // Nothing stored here may silently go (the Data Protection key ring, presence, rate windows): a full cache refuses
    // writes instead, which the bot reports on /readyz.
    evictionPolicy: 'NoEviction'
    // The bot authenticates with the database's key from Key Vault (Managed Redis allows Entra ID only unless this is on).
    accessKeysAuthentication: 'Enabled'
  }
}

output name string = cluster.name
