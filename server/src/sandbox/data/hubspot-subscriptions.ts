// The sandbox portal's subscription types (Communication Preferences definitions): email subscriptions with
// the ids the docs' examples use, two live ones of one name (so checks of names meet an ambiguity), an
// inactive one, and an SMS and a WhatsApp one, so names of each channel can be tried.

export interface SandboxSubscription {
  id: string;
  name: string;
  description: string;
  communicationMethod: 'EMAIL' | 'SMS' | 'WHATSAPP';
  isActive: boolean;
  purpose: string;
}

const subscription = (id: string, name: string, description: string, communicationMethod: SandboxSubscription['communicationMethod'] = 'EMAIL', isActive = true): SandboxSubscription => ({
  id,
  name,
  description,
  communicationMethod,
  isActive,
  purpose: 'Marketing',
});

export const SANDBOX_SUBSCRIPTIONS: readonly SandboxSubscription[] = [
  subscription('81537745', 'Newsletter', 'The monthly newsletter'),
  subscription('321981152', 'Product updates', 'What changed in the product'),
  subscription('81537801', 'Events', 'Webinars and meetups in Europe'),
  subscription('81537802', 'Events', 'Webinars and meetups in America'),
  subscription('81530001', 'Newsletter (2019)', 'The newsletter before the redesign', 'EMAIL', false),
  subscription('4711', 'Order alerts', 'Texts about deliveries', 'SMS'),
  subscription('4712', 'Support chat', 'Answers from support on WhatsApp', 'WHATSAPP'),
];
