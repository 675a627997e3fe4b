/**
 * Hand-made lists compiled into the gazetteer alongside the data packages (our own work, MIT
 * like the rest of the project). Only src/tools/build-gazetteer.ts reads this module; the
 * runtime reads the compiled file.
 */

/** Words that precede a person's name and stay out of its span (issue 4 item 4). */
export const TITLES = `
mr mrs ms miss mx dr prof professor sir dame lord lady madam madame monsieur mme mlle herr frau
president vice-president prime minister premier chancellor minister secretary governor mayor
senator sen rep representative congressman congresswoman councillor councilman councilwoman
judge justice attorney general gen lt col maj capt captain sgt sergeant cpl corporal adm admiral
commander commodore colonel lieutenant major private officer detective inspector superintendent
constable chief sheriff marshal ambassador envoy consul king queen prince princess duke duchess
earl count countess baron baroness emperor empress sheikh sheik emir sultan ayatollah imam rabbi
pope cardinal archbishop bishop reverend rev father fr pastor sister brother saint st
chairman chairwoman chairperson chair ceo cfo coo cto director spokesman spokeswoman spokesperson
coach manager striker goalkeeper defender midfielder
mp mep pm foreign minister defence minister defense secretary interior minister finance minister
secretary of state secretary-general secretary general deputy
`;

/** Last words of organisation names. */
export const ORG_SUFFIXES = `
group commission agency ministry department inc incorporated ltd limited llc llp plc corp
corporation co company companies gmbh ag sa nv bv spa srl ab asa oyj kk pty bhd holdings
holding partners associates bank party university college institute institution school academy
foundation fund trust council committee authority bureau office service services organization
organisation association federation union league alliance coalition society club team fc cf
network networks media news press times post journal herald tribune gazette telegraph broadcasting
airlines airways motors industries international technologies technology systems labs
laboratories pharmaceuticals energy petroleum oil railways court parliament assembly congress
senate government administration army navy force forces police brigade battalion regiment
command corps guard movement front church mission hospital clinic centre center museum
council board tribunal cabinet directorate secretariat observatory
`;

/** Last words of place names. */
export const LOC_SUFFIXES = `
river lake sea ocean bay gulf strait channel island islands isle peninsula mountain mountains
mount mt hill hills valley desert forest park street st road rd avenue ave boulevard blvd square
lane bridge airport station port harbour harbor province state county district region city town
village canyon coast beach falls glacier plateau plain plains basin delta cape heights
`;

export const MONTHS = `
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
`;

export const WEEKDAYS = `
monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun
`;

/**
 * Countries and their demonyms, for the first version before the data packages are compiled in
 * and for names the packages spell differently.
 */
export const COUNTRIES = `
afghanistan albania algeria argentina armenia australia austria azerbaijan bahrain bangladesh
belarus belgium bolivia bosnia brazil britain great britain bulgaria cambodia cameroon canada
chile china colombia congo croatia cuba cyprus czech republic czechia denmark egypt england
eritrea estonia ethiopia finland france georgia germany ghana greece guatemala haiti hungary
iceland india indonesia iran iraq ireland israel italy japan jordan kazakhstan kenya kosovo
kuwait kyrgyzstan laos latvia lebanon libya lithuania luxembourg macedonia north macedonia
malaysia mali mexico moldova mongolia montenegro morocco mozambique myanmar burma nepal
netherlands holland new zealand nicaragua niger nigeria north korea south korea norway oman
pakistan palestine panama paraguay peru philippines poland portugal qatar romania russia rwanda
saudi arabia scotland senegal serbia singapore slovakia slovenia somalia south africa south sudan
spain sri lanka sudan sweden switzerland syria taiwan tajikistan tanzania thailand tunisia turkey
turkmenistan uganda ukraine united arab emirates uae united kingdom uk united states us usa
u.s. u.s.a. america uruguay uzbekistan venezuela vietnam wales yemen zambia zimbabwe
`;

export const DEMONYMS = `
afghan albanian algerian american argentine argentinian armenian australian austrian azerbaijani
bahraini bangladeshi belarusian belgian bolivian bosnian brazilian british briton bulgarian
cambodian cameroonian canadian chilean chinese colombian congolese croatian cuban cypriot czech
danish dane dutch egyptian english emirati eritrean estonian ethiopian european finnish finn
french georgian german ghanaian greek guatemalan haitian hungarian icelandic indian indonesian
iranian iraqi irish israeli italian japanese jordanian kazakh kenyan kosovar kuwaiti kurdish
kyrgyz lao laotian latvian lebanese libyan lithuanian macedonian malaysian malian mexican
moldovan mongolian montenegrin moroccan mozambican burmese nepali nepalese dutchman new zealander
nicaraguan nigerien nigerian north korean south korean korean norwegian omani pakistani
palestinian panamanian paraguayan peruvian filipino polish pole portuguese qatari romanian
russian rwandan saudi scottish scot senegalese serbian singaporean slovak slovenian somali
south african spanish spaniard sri lankan sudanese swedish swede swiss syrian taiwanese tajik
tanzanian thai tunisian turkish turk turkmen ugandan ukrainian uzbek venezuelan vietnamese welsh
yemeni zambian zimbabwean arab asian african latin american
`;

/** Multi-word entries in the lists above (everything else is one word per entry). */
export const MULTI_WORD = new Set([
  'great britain', 'czech republic', 'north macedonia', 'new zealand', 'north korea', 'south korea',
  'saudi arabia', 'south africa', 'south sudan', 'sri lanka', 'united arab emirates',
  'united kingdom', 'united states', 'new zealander', 'north korean', 'south korean',
  'south african', 'sri lankan', 'latin american', 'prime minister', 'foreign minister',
  'defence minister', 'defense secretary', 'interior minister', 'finance minister',
  'secretary of state', 'secretary general', 'attorney general',
]);

/** Splits a list into entries: greedy over MULTI_WORD phrases, else one word per entry. */
export function listEntries(list: string): string[] {
  const words = list.split(/\s+/).filter((w) => w.length > 0);
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    let taken = false;
    for (let n = 4; n >= 2 && !taken; n--) {
      const phrase = words.slice(i, i + n).join(' ');
      if (i + n <= words.length && MULTI_WORD.has(phrase)) {
        out.push(phrase);
        i += n - 1;
        taken = true;
      }
    }
    if (!taken) out.push(words[i]!);
  }
  return out;
}
