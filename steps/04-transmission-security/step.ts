import { defineStep } from '../../src/engine/define.js';

export default defineStep({
  id: '04-transmission-security',
  number: 4,
  title: 'Transmission Security',
  shortTitle: 'Transmission',
  intro: [
    'Patient data spends much of its life moving: from a browser to the portal, from the portal to the database, from the clinic to a billing partner. Anything sent in clear text, or over TLS 1.0 and 1.1, can be read or altered by whoever sits on the path.',
    'The transmission security standard is required (§164.312(e)(1)): guard ePHI sent over a network. Its two specifications, integrity controls (§164.312(e)(2)(i)) and encryption (§164.312(e)(2)(ii)), are addressable, but on the public internet there is rarely a reasonable alternative to TLS 1.2 or newer, and choosing not to encrypt must be documented with its reason.',
    'This step finds buckets that accept plain HTTP, load balancer listeners that serve HTTP without redirecting or allow old TLS versions, CloudFront distributions that do the same, databases that accept unencrypted connections, and certificates about to expire. Email, VPN and service-to-service TLS inside the VPC are asked as questions.',
  ].join('\n\n'),
  hipaa: [
    { section: '164.312(e)(1)', obligation: 'required' },
    { section: '164.312(e)(2)(i)', obligation: 'addressable' },
    { section: '164.312(e)(2)(ii)', obligation: 'addressable' },
  ],
  hitrust: ['06.d', '09.m'],
});
