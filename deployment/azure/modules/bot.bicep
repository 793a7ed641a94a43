// The Azure Bot: the registration Teams (and the Bot Connector) know the bot by. Its Microsoft App ID is the
// user-assigned identity's client id, so the bot authenticates to the Bot Connector with its managed identity and
// there is no app password. Customers on the website use the bot's own Direct Line at /v3/directline, not this
// resource's; the Direct Line channel here serves Bot Framework clients that want Azure's (e.g. for testing).

param name string

@description('The name Teams shows until the Teams app package gives its own.')
param displayName string

@description('The bot\'s public host name (the web app\'s), without https://.')
param hostName string

param identityId string

param identityClientId string

param identityTenantId string

@allowed([
  'F0'
  'S1'
])
@description('F0 covers unlimited messages on standard channels (Teams and Direct Line are standard).')
param skuName string = 'F0'

param tags object

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  // A registration, not compute: Azure Bot is a global resource whatever the resource group's region.
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: skuName
  }
  properties: {
    displayName: displayName
    endpoint: 'https://${hostName}/api/messages'
    msaAppType: 'UserAssignedMSI'
    msaAppId: identityClientId
    msaAppTenantId: identityTenantId
    msaAppMSIResourceId: identityId
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

resource directLine 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'DirectLineChannel'
  location: 'global'
  properties: {
    channelName: 'DirectLineChannel'
    properties: {
      sites: [
        {
          siteName: 'Default Site'
          isEnabled: true
          isV1Enabled: false
          isV3Enabled: true
          isSecureSiteEnabled: false
          isBlockUserUploadEnabled: false
        }
      ]
    }
  }
}

output name string = bot.name
