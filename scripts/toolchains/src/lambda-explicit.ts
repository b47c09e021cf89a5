import { phonebookHandler } from './lambda.js';
import { PhoneData } from './models-explicit.js';

export const handler = phonebookHandler(PhoneData);
