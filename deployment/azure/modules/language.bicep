// Azure AI Language for conversational language understanding (Recognizer:Kind=Clu). The bot keeps its embedded
// recognizer as the fallback, so this is optional: main.bicep deploys it only with deployLanguage. The custom
// subdomain is required: CLU's authoring and prediction APIs answer only on https://<subdomain>.cognitiveservices.azure.com.
// Its key is not an output: the Key Vault module reads it with listKeys() straight into a secret.

param name string

param location string

@allowed([
  'F0'
  'S'
])
@description('S, the standard tier, for CLU in production; its advanced training (which a Swedish project needs) is billed as the Language pricing page says.')
param skuName string = 'S'

param tags object

resource language 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: name
  location: location
  tags: tags
  kind: 'TextAnalytics'
  sku: {
    name: skuName
  }
  properties: {
    customSubDomainName: name
    publicNetworkAccess: 'Enabled'
    // The bot and deploy.sh authenticate with the key (Ocp-Apim-Subscription-Key).
    disableLocalAuth: false
  }
}

output name string = language.name
output endpoint string = language.properties.endpoint
