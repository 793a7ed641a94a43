// The JavaScript Bot Framework SDK's counterpart of IqosBot's FAQ answers and registration, hosted as the
// SDK's samples host a bot: a web server, a CloudAdapter behind POST /api/messages, state on MemoryStorage.
// bench/run.sh measures it beside IqosBot and the bare C# SDK bot; see bench/README.md.
const express = require('express');
const {
    CloudAdapter,
    ConfigurationBotFrameworkAuthentication,
    ConversationState,
    MemoryStorage,
    UserState
} = require('botbuilder');

const { DialogBot } = require('./bots/dialogBot');
const { MainDialog } = require('./dialogs/mainDialog');

// No MicrosoftAppId: the SDK accepts unauthenticated (Emulator-style) requests, as the C# bench bots do.
// An empty configuration rather than process.env, so that nothing in the environment turns authentication on.
const botFrameworkAuthentication = new ConfigurationBotFrameworkAuthentication({});
const adapter = new CloudAdapter(botFrameworkAuthentication);

const memoryStorage = new MemoryStorage();
const conversationState = new ConversationState(memoryStorage);
const userState = new UserState(memoryStorage);

adapter.onTurnError = async (context, error) => {
    console.error(`[onTurnError] unhandled error: ${ error.stack || error }`);
    await context.sendActivity('The bot encountered an error or bug.');
    // A dialog stack that threw once would throw again: start the conversation over.
    await conversationState.delete(context);
};

const bot = new DialogBot(conversationState, userState, new MainDialog(userState));

const app = express();
app.use(express.json());
// CloudAdapter.process answers deliveryMode expectReplies with the replies in the response body.
app.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, (context) => bot.run(context));
});

// bench/run.sh gives a free loopback port in PORT; 3978 is the SDK samples' default.
const port = Number(process.env.PORT || 3978);
const host = process.env.HOST || '127.0.0.1';
app.listen(port, host, () => {
    // bench/run.sh runs it with NODE_ENV=production and reports whatever a bot logs there as a problem.
    if (process.env.NODE_ENV !== 'production') {
        console.log(`JsBot listening on http://${ host }:${ port }/api/messages`);
    }
});
