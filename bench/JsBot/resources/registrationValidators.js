// The loose checks the registration makes on what customers type, also inside a sentence
// ("koden är ILP1 A2B3 C4D5", "min mejl är anna@example.com"), like IqosBot's.

/** The devices the demo knows (IqosBot's benefits sandbox has the same ones). */
const knownSerials = new Set(['ILP1A2B3C4D5', 'ILO7G6H5J4K3', 'D3U9F8E7D6C5', 'ILU2M3N4P5Q6', 'ILP8R7S6T5U4', 'D3U1V2W3X4Y5', 'ILU9Z8Y7X6W5']);

function plausibleSerial(serial) {
    return /^[A-Z0-9]{6,20}$/.test(serial) && /[A-Z]/.test(serial) && /[0-9]/.test(serial);
}

/** A serial in the text: a run of words holding digits, joined, spaces and dashes removed, upper case. */
function findSerial(text) {
    const words = (text || '').split(/\s+/).map((word) => word.replace(/[.,!?:;"'()]/g, '').replace(/[-–]/g, '').toUpperCase());
    const run = [];
    let found;
    for (const word of [...words, '']) {
        if (/^[A-Z0-9]+$/.test(word) && /[0-9]/.test(word)) {
            run.push(word);
            continue;
        }
        const joined = run.join('');
        found = plausibleSerial(joined) ? joined : run.filter(plausibleSerial).pop() || found;
        run.length = 0;
    }
    return found;
}

function isKnownSerial(serial) {
    return knownSerials.has(serial);
}

const EMAIL = /[^\s@<>()]+@[^\s@<>()]+\.[a-z]{2,}/i;

function findEmail(text) {
    const match = EMAIL.exec(text || '');
    return match ? match[0].toLowerCase() : undefined;
}

function startOfToday() {
    const now = new Date();
    return new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()));
}

/** A purchase date: 2026-03-15, 15/3/2026, "15 mars", "igår", "yesterday", "idag", "today". */
function parseDate(text, months) {
    const lower = (text || '').toLowerCase();
    const today = startOfToday();
    let match;
    if ((match = /(\d{4})-(\d{1,2})-(\d{1,2})/.exec(lower))) {
        return valid(Number(match[1]), Number(match[2]), Number(match[3]));
    }
    if ((match = /(\d{1,2})\/(\d{1,2})\/(\d{4})/.exec(lower))) {
        return valid(Number(match[3]), Number(match[2]), Number(match[1]));
    }
    if (/\b(igår|yesterday)\b/.test(lower)) {
        return new Date(today.getTime() - 86400000);
    }
    if (/\b(idag|today)\b/.test(lower)) {
        return today;
    }
    for (let month = 0; month < months.length; month++) {
        if ((match = new RegExp(`(\\d{1,2})\\.? ${ months[month] }`).exec(lower))) {
            const date = valid(today.getUTCFullYear(), month + 1, Number(match[1]));
            // "15 december" said in March means last December.
            return date && date > today ? valid(today.getUTCFullYear() - 1, month + 1, Number(match[1])) : date;
        }
    }
    return undefined;
}

function valid(year, month, day) {
    const date = new Date(Date.UTC(year, month - 1, day));
    return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : undefined;
}

function isInTheFuture(date) {
    return date > startOfToday();
}

module.exports = { findSerial, isKnownSerial, findEmail, parseDate, isInTheFuture };
