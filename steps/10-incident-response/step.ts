import { defineStep } from '../../src/engine/define.js';

export default defineStep({
  id: '10-incident-response',
  number: 10,
  title: 'Security Incident Response',
  shortTitle: 'Incidents',
  intro: [
    'An incident you do not notice cannot be contained, and the clock for telling patients starts when you discover a breach (or reasonably should have). Detection that raises alerts nobody receives is the same as no detection.',
    'HIPAA requires procedures to identify and respond to security incidents, limit their harm and document them (§164.308(a)(6)(ii), required). When unsecured ePHI is breached, the Breach Notification Rule requires telling each affected person without unreasonable delay and no later than 60 calendar days after discovery (§164.404); more than 500 residents of one state or jurisdiction also means notifying prominent media there within 60 days (§164.406); HHS must be told within 60 days when 500 or more people are affected in total, and otherwise in a yearly log due within 60 days after the end of the calendar year (§164.408). A business associate must tell you within 60 days (§164.410).',
    'This step reads GuardDuty in every region and its open high-severity findings, Security Hub, whether findings are routed through EventBridge to a confirmed SNS subscription, and the account\'s security contact. The response plan, the 60-day timeline, the contact list and the yearly tabletop exercise are things you attest to.',
  ].join('\n\n'),
  hipaa: [
    { section: '164.308(a)(6)', obligation: 'required' },
    { section: '164.308(a)(6)(ii)', obligation: 'required' },
    { section: '164.404', obligation: 'required' },
    { section: '164.406', obligation: 'required' },
    { section: '164.408', obligation: 'required' },
    { section: '164.410', obligation: 'required' },
  ],
  hitrust: ['11.a', '11.b', '11.c', '11.d', '09.ab'],
});
