import { defineStep } from '../../src/engine/define.js';

export default defineStep({
  id: '11-devices-and-workstations',
  number: 11,
  title: 'Device and Workstation Security',
  shortTitle: 'Devices',
  intro: [
    'A laptop left in a car is one of the most common breaches reported to HHS. If its disk was encrypted, the loss is usually not a reportable breach at all; if it was not, every patient whose record it held must be told.',
    'HIPAA requires rules for how workstations are used (§164.310(b)) and physical safeguards for them (§164.310(c)), and controls over devices and media, including disposal and re-use (§164.310(d)(1), (d)(2)(i)–(ii), required). Keeping track of who has which device (§164.310(d)(2)(iii)), encryption (§164.312(a)(2)(iv)) and automatic logoff (§164.312(a)(2)(iii)) are addressable.',
    'Laptops and phones are not in AWS, so most of this step asks you: disk encryption and the share of devices that have it, MDM with remote wipe, screen lock, and the lost-device procedure with the date of the device inventory. Where the account has Amazon WorkSpaces or EBS volumes attached to nothing, it checks those too.',
  ].join('\n\n'),
  hipaa: [
    { section: '164.310(b)', obligation: 'required' },
    { section: '164.310(c)', obligation: 'required' },
    { section: '164.310(d)(1)', obligation: 'required' },
    { section: '164.310(d)(2)(i)', obligation: 'required' },
    { section: '164.310(d)(2)(ii)', obligation: 'required' },
    { section: '164.310(d)(2)(iii)', obligation: 'addressable' },
    { section: '164.312(a)(2)(iv)', obligation: 'addressable' },
  ],
  hitrust: ['01.x', '01.y', '01.h', '08.l', '09.p', '07.a'],
});
