// The function app's entry point: importing a function module registers it with the host.
import './functions/smsWebhook';
import './functions/registration';
import './functions/reveal';
import './functions/announcePending';
import './functions/purgeExpired';
