/** Training drill `/training/login-refusals/` (the list and how to add one: ./index.ts). */
import { answered, refused, succeeded } from '../judge';
import { choose, client, logIn, loginPhoneCode } from '../path';
import type { Drill } from '../types';

export const loginRefusals: Drill = {
  id: 'login-refusals',
  title: 'Captcha, password or second factor?',
  customer: 'It says my login details are incorrect, but I am sure my password is right. Is it the code from my app?',
  goal: 'Tell the three login refusals apart by their messages, and log in properly.',
  difficulty: 2,
  minutes: 5,
  start: 'login-2fa',
  scenario: 'default',
  objectives: [
    { id: 'captcha', text: "See the refusal without “I'm not a robot” ticked.", done: (s) => refused(s, 'captcha') },
    { id: 'password', text: 'See the refusal for a wrong password.', done: (s) => refused(s, 'credentials') },
    {
      id: 'code',
      text: 'See the refusal for a wrong 6-digit code.',
      done: (s) => refused(s, 'wrong', 'expired', 'early', 'reused'),
    },
    { id: 'login', text: 'Log in with the right details and code.', done: (s) => succeeded(s, 'signed-in') },
    { id: 'advice', text: 'Tell the customer what their message means.', done: (s) => answered(s, 'advice') },
  ],
  keyObjective: 'advice',
  hints: [
    'Try each mistake on purpose: untick the box, change the password, type 000000 as the code. Read each message.',
    'The captcha is checked first, then the email and password; the code is asked for only after both are accepted.',
    '“Login Details Incorrect” is about the email address or the password. A wrong code reads “The second factor you supplied was incorrect”.',
  ],
  choices: [
    {
      id: 'advice',
      prompt: 'The customer reads “Login Details Incorrect. Please try again.” What is wrong?',
      options: [
        {
          text: 'The email address or the password.',
          correct: true,
          explanation:
            'That message comes only from the email and password check. The 6-digit code has not even been asked for yet.',
        },
        {
          text: "The “I'm not a robot” box was not ticked.",
          correct: false,
          explanation:
            'A missing tick gives “Please complete the captcha and try again.” and is checked before the password.',
        },
        {
          text: 'The 6-digit code from the app.',
          correct: false,
          explanation:
            'The code is asked for on the next screen, after the email and password are accepted; a wrong code reads “The second factor you supplied was incorrect.”',
        },
      ],
    },
  ],
  expectedRefusals: ['captcha', 'credentials', 'wrong', 'expired', 'early', 'reused'],
  correctPath: [
    logIn({ captcha: false }),
    logIn({ password: 'not-my-password' }),
    logIn(),
    client({ type: 'secondfactor.submit', code: '000000' }),
    loginPhoneCode(),
    choose('advice', 0),
  ],
  wrongPath: [logIn({ captcha: false }), logIn({ captcha: false }), choose('advice', 2)],
};
