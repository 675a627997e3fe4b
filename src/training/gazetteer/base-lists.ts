/**
 * Hand-made lists compiled into the gazetteer alongside the data packages (our own work, MIT
 * like the rest of the project). Only build.ts reads this module; the runtime reads the
 * compiled file, src/nlp/gazetteer/data/gazetteer.tsv.
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

/**
 * Organisations a news reader meets every day (agencies, outlets, international bodies,
 * parties, security services, big companies the company list spells differently).
 * One per line.
 */
export const ORGS = `
United Nations
UN
U.N.
UNESCO
UNICEF
UNHCR
World Health Organization
WHO
World Bank
International Monetary Fund
IMF
World Trade Organization
WTO
NATO
European Union
EU
European Commission
EU Commission
European Parliament
European Central Bank
ECB
Council of Europe
African Union
Arab League
ASEAN
OPEC
OECD
G7
G20
Red Cross
International Committee of the Red Cross
ICRC
Amnesty International
Human Rights Watch
Greenpeace
Médecins Sans Frontières
Doctors Without Borders
International Criminal Court
ICC
Interpol
Europol
Reuters
Associated Press
AP
AFP
Agence France-Presse
Bloomberg
BBC
CNN
Fox News
NBC
CBS
ABC
NPR
PBS
Al Jazeera
Sky News
The New York Times
New York Times
The Washington Post
Washington Post
The Wall Street Journal
Wall Street Journal
The Guardian
Guardian
The Times
Financial Times
The Economist
Le Monde
Le Figaro
Libération
Der Spiegel
Die Zeit
El País
Xinhua
TASS
RIA Novosti
Kyodo
Yonhap
Politico
Axios
Associated Press
Congress
Senate
House of Representatives
White House
Pentagon
Kremlin
Downing Street
Élysée
Bundestag
Bundeswehr
Knesset
Duma
State Department
Justice Department
Department of Justice
Department of Defense
Homeland Security
FBI
CIA
NSA
NASA
FDA
CDC
EPA
SEC
Federal Reserve
Fed
IRS
MI5
MI6
GCHQ
BND
DGSI
DGSE
Mossad
FSB
KGB
Hamas
Hezbollah
Taliban
al-Qaeda
Al Qaeda
Islamic State
ISIS
ISIL
Daesh
Boko Haram
al-Shabab
PKK
Democratic Party
Republican Party
Democrats
Republicans
Labour
Labour Party
Conservative Party
Conservatives
Tories
Liberal Democrats
SNP
Socialist Party
National Front
Front National
Christian Democratic Union
CDU
SPD
AfD
Google
Alphabet
Apple
Microsoft
Amazon
Facebook
Meta
Twitter
Telegram
WhatsApp
Instagram
YouTube
TikTok
Netflix
Tesla
Uber
Airbnb
Samsung
Huawei
Sony
Toyota
Volkswagen
Boeing
Airbus
Shell
BP
ExxonMobil
Gazprom
Goldman Sachs
JPMorgan
Morgan Stanley
HSBC
Barclays
Deutsche Bank
Olympic Committee
IOC
FIFA
UEFA
Premier League
Harvard University
Harvard
Oxford University
Cambridge University
Stanford University
MIT
`;

/** Continents and regions news writes about that the data packages lack. One per line. */
export const REGIONS = `
Europe
Africa
Asia
North America
South America
Latin America
Central America
Oceania
Antarctica
Arctic
Middle East
Near East
Far East
Mideast
Maghreb
Sahel
Balkans
Caucasus
Scandinavia
Baltics
Caribbean
Pacific
Atlantic
Mediterranean
Gulf
Persian Gulf
Horn of Africa
Sub-Saharan Africa
West Africa
East Africa
Southeast Asia
South Asia
Central Asia
East Asia
Eastern Europe
Western Europe
Central Europe
Crimea
Donbas
Donbass
Kurdistan
Iraqi Kurdistan
West Bank
Gaza Strip
Golan Heights
Kashmir
Tibet
Xinjiang
Chechnya
Darfur
Siberia
Bavaria
Catalonia
Flanders
Wallonia
Corsica
Brittany
Normandy
Provence
Alsace
Ile-de-France
Lombardy
Tuscany
Sicily
Sardinia
Andalusia
Basque Country
Silicon Valley
Wall Street
Midwest
New England
Ulster
Northern Ireland
`;

/** Cities the GeoNames-based list spells otherwise or filters out as common words. */
export const CITIES = `
New York
Washington
Kiev
Nice
Reading
Mobile
Bath
Split
Raqqa
Fallujah
Ramadi
Tikrit
Idlib
Homs
Mariupol
Magnanville
Saint-Etienne-du-Rouvray
Molenbeek
The Hague
Hague
Davos
Geneva
Cologne
Frankfurt
Bombay
Calcutta
Madras
Saigon
Rangoon
Peking
Basra
Misrata
Aden
`;
