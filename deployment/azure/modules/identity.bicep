// The one identity the bot is: the Azure Bot's Microsoft App ID (UserAssignedMSI, so there is no app password to
// rotate or leak) and the identity the web app reads its Key Vault references with. User-assigned rather than the
// web app's own, so the Azure Bot can name it before the web app exists and it survives the web app being recreated.

@description('Name of the user-assigned managed identity.')
param name string

param location string

param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output name string = identity.name
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId
output tenantId string = identity.properties.tenantId
