import { phonebookHandler } from './lambda.js';
import { PhoneData } from './models-inferred.js';

export const handler = phonebookHandler(PhoneData);
