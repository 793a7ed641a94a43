// IQOS customer care page: fetches a conversation-bound Direct Line token from this server
// (POST /api/webchat/token, the secret never reaches the browser) and renders Web Chat against the
// self-hosted Direct Line under /v3/directline. ?polling=1 switches from WebSocket to REST polling.
(function () {
  'use strict';

  var texts = {
    sv: {
      title: 'IQOS kundtjänst',
      intro: 'Hej! Här kan du registrera din enhet, kolla garantin eller ställa frågor om IQOS. Chatten svarar direkt, dygnet runt.',
      privacy: 'Skriv aldrig personnummer eller kortuppgifter i chatten.',
      footer: 'Tjänsterna är för dig som har fyllt 18 år.',
      chat: 'Chatt med IQOS kundtjänst',
      error: 'Chatten kunde inte starta. Ladda om sidan eller ring oss på 020-25 10 10.',
      locale: 'sv-SE'
    },
    en: {
      title: 'IQOS customer care',
      intro: 'Hi! Here you can register your device, check your warranty or ask questions about IQOS. The chat answers right away, around the clock.',
      privacy: 'Never type a personal identity number or card details in the chat.',
      footer: 'Our services are for adults aged 18 and over.',
      chat: 'Chat with IQOS customer care',
      error: 'The chat could not start. Reload the page or call us on 020-25 10 10.',
      locale: 'en-US'
    }
  };

  var browserLanguage = (navigator.language || 'sv').toLowerCase();
  var language = browserLanguage.indexOf('sv') === 0 ? 'sv' : 'en';
  var t = texts[language];
  // Keep the browser's region when it is a Swedish or English one (en-GB stays en-GB).
  var locale = /^(sv|en)(-[a-z]{2})?$/i.test(navigator.language || '') && (navigator.language || '').indexOf('-') > 0
    ? navigator.language
    : t.locale;

  document.documentElement.lang = language;
  document.title = t.title;
  Array.prototype.forEach.call(document.querySelectorAll('[data-i18n]'), function (element) {
    var key = element.getAttribute('data-i18n');
    if (t[key]) { element.textContent = t[key]; }
  });
  var host = document.getElementById('webchat');
  host.setAttribute('aria-label', t.chat);

  var params = new URLSearchParams(location.search);
  var polling = params.get('polling') === '1';

  var styleOptions = {
    accent: '#34303d',
    backgroundColor: '#ffffff',
    bubbleBackground: '#f6f3ee',
    bubbleBorderColor: '#e6e0d6',
    bubbleBorderRadius: 12,
    bubbleFromUserBackground: '#34303d',
    bubbleFromUserTextColor: '#ffffff',
    bubbleFromUserBorderRadius: 12,
    bubbleFromUserBorderColor: '#34303d',
    botAvatarInitials: 'IQ',
    botAvatarBackgroundColor: '#34303d',
    userAvatarInitials: language === 'sv' ? 'Du' : 'You',
    userAvatarBackgroundColor: '#7b7482',
    suggestedActionBackgroundColor: '#ffffff',
    suggestedActionBorderColor: '#34303d',
    suggestedActionTextColor: '#34303d',
    suggestedActionBorderRadius: 18,
    suggestedActionLayout: 'flow',
    sendBoxButtonColor: '#34303d',
    sendBoxButtonColorOnHover: '#00a3a4',
    hideUploadButton: true,
    primaryFont: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
    rootHeight: '100%',
    rootWidth: '100%'
  };

  // Tells the bot the browser language as soon as the connection is up; the bot welcomes only once,
  // even though it also gets a conversationUpdate.
  var store = window.WebChat.createStore({}, function (api) {
    return function (next) {
      return function (action) {
        if (action.type === 'DIRECT_LINE/CONNECT_FULFILLED') {
          api.dispatch({
            type: 'WEB_CHAT/SEND_EVENT',
            payload: { name: 'webchat/join', value: { language: locale } }
          });
        }
        return next(action);
      };
    };
  });

  function showError(error) {
    console.error(error);
    var box = document.getElementById('chat-error');
    box.textContent = t.error;
    box.hidden = false;
  }

  fetch('api/webchat/token', { method: 'POST', headers: { Accept: 'application/json' } })
    .then(function (response) {
      if (!response.ok) { throw new Error('Token request failed: ' + response.status); }
      return response.json();
    })
    .then(function (session) {
      var directLine = window.WebChat.createDirectLine({
        token: session.token,
        domain: location.origin + '/v3/directline',
        webSocket: !polling,
        conversationStartProperties: { locale: locale }
      });
      window.WebChat.renderWebChat({
        directLine: directLine,
        store: store,
        locale: locale,
        styleOptions: styleOptions
      }, host);
      document.documentElement.setAttribute('data-chat-ready', polling ? 'polling' : 'websocket');
    })
    .catch(showError);
})();
