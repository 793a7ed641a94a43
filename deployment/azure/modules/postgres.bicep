// Every store the bot has when Storage:Provider=Postgres: bot state, Direct Line conversations and activity logs,
// handoff cases, callback tickets, transcripts, and each conversation's turn lock (an advisory lock). The bot
// migrates the schema itself at start-up, so only the empty database is made here.

param name string

param location string

@allowed([
  '15'
  '16'
])
param version string = '16'

@description('Compute size, e.g. Standard_B1ms (Burstable) or Standard_D2ds_v5 (GeneralPurpose). Its max_connections must cover every instance\'s pool: see postgresPoolSize in main.bicep.')
param skuName string

@allowed([
  'Burstable'
  'GeneralPurpose'
  'MemoryOptimized'
])
param skuTier string

@minValue(32)
param storageSizeGB int = 32

@minValue(7)
@maxValue(35)
param backupRetentionDays int = 7

@description('A standby in another availability zone that takes over on failure (not available on Burstable).')
param highAvailability bool = false

param administratorLogin string

@secure()
param administratorLoginPassword string

@description('The database the bot uses (ConnectionStrings:Postgres names it).')
param databaseName string = 'iqosbot'

param tags object

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: skuName
    tier: skuTier
  }
  properties: {
    version: version
    administratorLogin: administratorLogin
    administratorLoginPassword: administratorLoginPassword
    authConfig: {
      activeDirectoryAuth: 'Disabled'
      passwordAuth: 'Enabled'
    }
    storage: {
      storageSizeGB: storageSizeGB
      autoGrow: 'Enabled'
    }
    backup: {
      backupRetentionDays: backupRetentionDays
      geoRedundantBackup: 'Disabled'
    }
    highAvailability: {
      mode: highAvailability ? 'ZoneRedundant' : 'Disabled'
    }
    network: {
      // App Service without VNet integration reaches the server from Azure's shared outbound addresses; the firewall
      // rule below admits Azure services only, and every connection must use TLS (require_secure_connection).
      publicNetworkAccess: 'Enabled'
    }
  }
}

resource database 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2024-08-01' = {
  parent: server
  name: databaseName
  properties: {
    charset: 'UTF8'
    collation: 'en_US.utf8'
  }
}

// 0.0.0.0–0.0.0.0 is Azure's convention for "connections from Azure services"; nothing from the internet at large.
resource allowAzure 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2024-08-01' = {
  parent: server
  name: 'AllowAllAzureServicesAndResourcesWithinAzureIps'
  properties: {
    startIpAddress: '0.0.0.0'
    endIpAddress: '0.0.0.0'
  }
}

// The server refuses a configuration change while another is applied, so these run one after the other.
resource requireTls 'Microsoft.DBforPostgreSQL/flexibleServers/configurations@2024-08-01' = {
  parent: server
  name: 'require_secure_connection'
  properties: {
    value: 'on'
    source: 'user-override'
  }
  dependsOn: [
    database
    allowAzure
  ]
}

resource minimumTls 'Microsoft.DBforPostgreSQL/flexibleServers/configurations@2024-08-01' = {
  parent: server
  name: 'ssl_min_protocol_version'
  properties: {
    value: 'TLSv1.2'
    source: 'user-override'
  }
  dependsOn: [
    requireTls
  ]
}

output name string = server.name
output fullyQualifiedDomainName string = server.properties.fullyQualifiedDomainName
output databaseName string = database.name
