// What several instances share that is not worth a database row: Direct Line activities published between instances
// (a reply made on one reaches the customer's WebSocket on another), the agent hub's SignalR backplane, the Data
// Protection key ring, agent presence, rate-limit windows and sign-in lockouts. Required with more than one instance.

param name string

param location string

@allowed([
  'Basic'
  'Standard'
  'Premium'
])
@description('Basic has no replica (no SLA; a restart empties it), which the bot survives; Standard adds a replica for production.')
param skuName string = 'Basic'

@allowed([
  'C'
  'P'
])
param skuFamily string = 'C'

@minValue(0)
@maxValue(6)
param skuCapacity int = 0

param tags object

resource redis 'Microsoft.Cache/redis@2024-11-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    sku: {
      name: skuName
      family: skuFamily
      capacity: skuCapacity
    }
    // TLS on 6380 only; the connection string the bot gets says ssl=True.
    enableNonSslPort: false
    minimumTlsVersion: '1.2'
    redisVersion: '6'
    publicNetworkAccess: 'Enabled'
  }
}

output name string = redis.name
