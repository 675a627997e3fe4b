/**
 * Table-driven tests of the date tagger: [text, expected [mention, value] pairs, anchor?].
 * The anchor defaults to 2016-09-13 (a Tuesday; ISO week 2016-W37), the date of the sample
 * article in corpus/.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { extractDates } from '../../../src/nlp/dates/index.js';

type Case = [text: string, expected: [string, string][], anchor?: string | null];

const ANCHOR = '2016-09-13';

const ABSOLUTE: Case[] = [
  ['The vote was held on 5 May 2015.', [['5 May 2015', '2015-05-05']]],
  ['It opened on September 13th, 2016.', [['September 13th, 2016', '2016-09-13']]],
  ['It opened on Sept. 13, 2016, in Paris.', [['Sept. 13, 2016', '2016-09-13']]],
  ['The deadline is 31 December 2016.', [['31 December 2016', '2016-12-31']]],
  ['He was born on the 4th of July 1976.', [['the 4th of July 1976', '1976-07-04']]],
  ['Filed on Tuesday, 13 September 2016.', [['Tuesday, 13 September 2016', '2016-09-13']]],
  ['Filed on Tuesday, September 13, 2016.', [['Tuesday, September 13, 2016', '2016-09-13']]],
  ['Posted 2016-09-13T12:37:00Z by staff', [['2016-09-13T12:37:00Z', '2016-09-13T12:37:00Z']]],
  ['The law took effect in January 2015.', [['January 2015', '2015-01']]],
  ['Sales rose in Sept 2015.', [['Sept 2015', '2015-09']]],
  ['In May of 2014 the plant closed.', [['May of 2014', '2014-05']]],
  ['The bridge was built in 1932.', [['1932', '1932']]],
  ['Since 1995, prices have doubled.', [['1995', '1995']]],
  ['Between 2010 and 2015 the city grew.', [['2010', '2010'], ['2015', '2015']]],
  ['By early 2017 the line should open.', [['early 2017', '2017']]],
  ['Demand fell in late 2015.', [['late 2015', '2015']]],
  ['It was popular in the 1980s.', [['the 1980s', '198']]],
  ['Growth slowed in the late 1990s.', [['the late 1990s', '199']]],
  ['Crime rose in the mid-1960s.', [['the mid-1960s', '196']]],
  ["He grew up in the '80s.", [["the '80s", '198']]],
  ['Music from the nineties still sells.', [['the nineties', '199']]],
  ['The house dates from the 19th century.', [['the 19th century', '18']]],
  ['Cities of the twenty-first century need trams.', [['the twenty-first century', '20']]],
  ['Profits rose in the second quarter of 2016.', [['the second quarter of 2016', '2016-Q2']]],
  ['Q3 2016 results were strong.', [['Q3 2016', '2016-Q3']]],
  ['Revenue in the first half of 2016 rose.', [['the first half of 2016', '2016-H1']]],
  ['Revenue in the first half of the year rose.', [['the first half of the year', '2016-H1']]],
  ['The project started in the summer of 2015.', [['the summer of 2015', '2015-SU']]],
  ['It snowed heavily in winter 2014.', [['winter 2014', '2014-WI']]],
  ['The contract was signed on 13/09/2016.', [['13/09/2016', '2016-09-13']]],
  ['It happened on 09/13/2016.', [['09/13/2016', '2016-09-13']]],
  // Ambiguous numeric dates are day-first unless the document shows month-first.
  ['It happened on 05/06/2016.', [['05/06/2016', '2016-06-05']]],
  ['Dates: 09/13/2016 and 05/06/2016.', [['09/13/2016', '2016-09-13'], ['05/06/2016', '2016-05-06']]],
  ['Le 13.09.2016 à Paris.', [['13.09.2016', '2016-09-13']]],
  ['Filed 2016/09/13 in court.', [['2016/09/13', '2016-09-13']]],
  ['Signed on 13/9/16.', [['13/9/16', '2016-09-13']]],
  ['The treaty of 1648 ended the war.', []],
  ['The Dow reached a high of 1051 in 1973.', [['1973', '1973']]],
  ['He ran for office in 2008 and in 2012.', [['2008', '2008'], ['2012', '2012']]],
  ['The 2014 World Cup was held in Brazil.', [['2014', '2014']]],
  ['2015 was a hard year for the firm.', [['2015', '2015']]],
  ['MARCH 6TH, 2009 was the day.', [['MARCH 6TH, 2009', '2009-03-06']]],
];

const TIMES: Case[] = [
  ['The meeting starts at 10:30 GMT.', [['10:30 GMT', '2016-09-13T10:30Z']]],
  ['Polls open at 7 a.m. and close at 8 p.m.', [['7 a.m.', '2016-09-13T07:00'], ['8 p.m.', '2016-09-13T20:00']]],
  ['The show starts at 9.30pm tonight.', [['9.30pm', '2016-09-13T21:30'], ['tonight', '2016-09-13TNI']]],
  ['The blast came at 1430 GMT.', [['1430 GMT', '2016-09-13T14:30Z']]],
  ['He spoke at noon.', [['noon', '2016-09-13T12:00']]],
  ['The rally was held on Monday at 8 p.m.', [['Monday', '2016-09-12'], ['8 p.m.', '2016-09-12T20:00']]],
  ['The market opened at 9:30 EDT.', [['9:30 EDT', '2016-09-13T09:30-04:00']]],
  ['They met at 6 o\'clock.', [["6 o'clock", '2016-09-13T06:00']]],
  ['The rally will start Monday 8 p.m.', [['Monday 8 p.m.', '2016-09-19T20:00']]],
  ['Posted at 11/16/2005 08:36:00 PM by the editor', [['11/16/2005 08:36:00 PM', '2005-11-16T20:36:00']]],
  ['It ended at midnight.', [['midnight', '2016-09-13T24:00']]],
];

const RELATIVE: Case[] = [
  ['The ceasefire collapsed last week.', [['last week', '2016-W36']]],
  ['Talks continue this week.', [['this week', '2016-W37']]],
  ['He will travel next week.', [['next week', '2016-W38']]],
  ['Prices rose this month.', [['this month', '2016-09']]],
  ['The plant opens next month.', [['next month', '2016-10']]],
  ['Exports fell this year.', [['this year', '2016']]],
  ['Elections will be held later this year.', [['later this year', '2016']]],
  ['The bank cut rates earlier this month.', [['earlier this month', '2016-09']]],
  ['The merger was agreed late last year.', [['late last year', '2015']]],
  ['The plant will open early next year.', [['early next year', '2017']]],
  ['The bill should pass by the end of the year.', [['the end of the year', '2016']]],
  ['Sales slowed at the end of last year.', [['the end of last year', '2015']]],
  ['Festivals are planned this weekend.', [['this weekend', '2016-W37-WE']]],
  ['Two men were arrested over the weekend.', [['the weekend', '2016-W36-WE']]],
  ['The fair opened last weekend.', [['last weekend', '2016-W36-WE']]],
  ['The final is next weekend.', [['next weekend', '2016-W38-WE']]],
  ['Growth will slow next quarter.', [['next quarter', '2016-Q4']]],
  ['Growth slowed last quarter.', [['last quarter', '2016-Q2']]],
  ['Sales are up this quarter.', [['this quarter', '2016-Q3']]],
  ['Prices doubled this decade.', [['this decade', '201']]],
  ['It is the trial of this century.', [['this century', '20']]],
  ['He arrived the day before yesterday.', [['the day before yesterday', '2016-09-11']]],
  ['She leaves the day after tomorrow.', [['the day after tomorrow', '2016-09-15']]],
  ['A bomb exploded this morning.', [['this morning', '2016-09-13TMO']]],
  ['The fire started yesterday afternoon.', [['yesterday afternoon', '2016-09-12TAF']]],
  ['Shots were heard last night.', [['last night', '2016-09-12TNI']]],
  ['The vote is tomorrow evening.', [['tomorrow evening', '2016-09-14TEV']]],
  ['He will speak this evening.', [['this evening', '2016-09-13TEV']]],
  ['Police raided the flat last Friday.', [['last Friday', '2016-09-09']]],
  ['The court rules next Friday.', [['next Friday', '2016-09-16']]],
  ['The court rules this Friday.', [['this Friday', '2016-09-16']]],
  ['The court ruled this Monday.', [['this Monday', '2016-09-12']]],
  ['He resigned last Tuesday.', [['last Tuesday', '2016-09-06']]],
  ['He goes next Tuesday.', [['next Tuesday', '2016-09-20']]],
  ['Police raided the flat on Monday night.', [['Monday night', '2016-09-12TNI']]],
  ['He will be sentenced on Thursday morning.', [['Thursday morning', '2016-09-15TMO']]],
  ['The deal was signed on Friday last week.', [['Friday last week', '2016-09-09']]],
  ['The minister resigned on Tuesday.', [['Tuesday', '2016-09-13']]],
  ['The minister will resign on Tuesday.', [['Tuesday', '2016-09-20']]],
  ["Monday's attack killed five people.", [['Monday', '2016-09-12']]],
  ['The plant closed five years ago.', [['five years ago', '2011']]],
  ['He left a year ago.', [['a year ago', '2015']]],
  ['The law changed six months ago.', [['six months ago', '2016-03']]],
  ['They met two weeks ago.', [['two weeks ago', '2016-W35']]],
  ['The band split a decade ago.', [['a decade ago', '200']]],
  ['The firm was sold a few years ago.', [['a few years ago', 'PAST_REF']]],
  ['The boat sank 10 days ago.', [['10 days ago', '2016-09-03']]],
  ['Prices will rise three months from now.', [['three months from now', '2016-12']]],
  ['The line opens a year from now.', [['a year from now', '2017']]],
  ['It was built twenty-five years ago.', [['twenty-five years ago', '1991']]],
];

const MONTHS_AND_TENSE: Case[] = [
  ['The factory closed in March.', [['March', '2016-03']]],
  ['The factory will close in March.', [['March', '2017-03']]],
  ['The factory closed in October.', [['October', '2015-10']]],
  ['The vote is in October.', [['October', '2016-10']]],
  ['The vote is in February.', [['February', '2017-02']]],
  ['The vote was in February.', [['February', '2016-02']]],
  ['Prices have risen since March.', [['March', '2016-03']]],
  ['He has lived there since November.', [['November', '2015-11']]],
  ['Sales peaked last March.', [['last March', '2016-03']]],
  ['Sales peaked last November.', [['last November', '2015-11']]],
  ['Sales will peak next March.', [['next March', '2017-03']]],
  ['Sales will peak next November.', [['next November', '2016-11']]],
  ['The summit is this November.', [['this November', '2016-11']]],
  ['It rained in March last year.', [['March last year', '2015-03']]],
  ['It opens in June next year.', [['June next year', '2017-06']]],
  ['The law passed in mid-May.', [['mid-May', '2016-05']]],
  ['The report is due in early December.', [['early December', '2016-12']]],
  ['Work will finish by the end of May.', [['the end of May', '2017-05']]],
  ['The trial began on March 3.', [['March 3', '2016-03-03']]],
  ['The trial will begin on March 3.', [['March 3', '2017-03-03']]],
  ['He was arrested on Sept 10.', [['Sept 10', '2016-09-10']]],
  ['The summit opens on Sept 20.', [['Sept 20', '2016-09-20']]],
  ['The summit was on November 20.', [['November 20', '2015-11-20']]],
  ['The deadline is 13 September.', [['13 September', '2016-09-13']]],
  ['They met on Thursday, November 3.', [['Thursday, November 3', '2016-11-03']]],
  ['He said on Friday that he would resign.', [['Friday', '2016-09-09']]],
  ['She is expected to testify on Thursday.', [['Thursday', '2016-09-15']]],
  ['The results are due on Friday.', [['Friday', '2016-09-16']]],
  ['They are going to vote on Friday.', [['Friday', '2016-09-16']]],
  ["They'll meet on Sunday.", [['Sunday', '2016-09-18']]],
  ['He had arrived on Sunday.', [['Sunday', '2016-09-11']]],
  ['The body was found on Saturday.', [['Saturday', '2016-09-10']]],
  ['The team plays on Wednesday.', [['Wednesday', '2016-09-14']]],
  ['On Monday, the camp will be cleared.', [['Monday', '2016-09-19']]],
  ['On Friday, police arrested two men.', [['Friday', '2016-09-09']]],
  ['The strike ended in August.', [['August', '2016-08']]],
  ['The strike will end in August.', [['August', '2017-08']]],
  ['Officials said the talks, which began in November, had stalled.', [['November', '2015-11']]],
  ['Voters will go to the polls in November.', [['November', '2016-11']]],
  ["He won't return until January.", [['January', '2017-01']]],
  ['The company plans to list its shares in March.', [['March', '2017-03']]],
  ['Prices were cut in December.', [['December', '2015-12']]],
  ['France to clear migrant camp Monday', [['Monday', '2016-09-19']]],
  ['In late August, France and Germany asked for a law.', [['late August', '2016-08']]],
  ['The company said on Monday that it would appeal.', [['Monday', '2016-09-12']]],
];

const SEASONS_HOLIDAYS: Case[] = [
  ['The talks collapsed in the spring.', [['the spring', '2016-SP']]],
  ['The election will be held in the spring.', [['the spring', '2017-SP']]],
  ['He visited last summer.', [['last summer', '2016-SU']]],
  ['He will visit next summer.', [['next summer', '2017-SU']]],
  ['It will be cold this winter.', [['this winter', '2016-WI']]],
  ['It was cold last winter.', [['last winter', '2015-WI']]],
  ['The plan will be unveiled in the autumn.', [['the autumn', '2016-FA']]],
  ['It flowered in late summer.', [['late summer', '2016-SU']]],
  ['The shop opens this autumn.', [['this autumn', '2016-FA']]],
  ['The winter of 2010 was harsh.', [['The winter of 2010', '2010-WI']]],
  ['He died last Christmas.', [['last Christmas', '2015-12-25']]],
  ['He will be home next Christmas.', [['next Christmas', '2016-12-25']]],
  ['Sales fell at Christmas 2015.', [['Christmas 2015', '2015-12-25']]],
  ['The shops will close on Christmas Eve.', [['Christmas Eve', '2016-12-24']]],
  ['He died at Easter.', [['Easter', '2016-03-27']]],
  ['They married at Easter 2017.', [['Easter 2017', '2017-04-16']]],
  ['Banks will be closed on Good Friday.', [['Good Friday', '2017-04-14']]],
  ['The family will gather for Thanksgiving.', [['Thanksgiving', '2016-11-24']]],
  ['The party will be on Halloween.', [['Halloween', '2016-10-31']]],
  ['The law took effect on New Year\'s Day.', [["New Year's Day", '2016-01-01']]],
  ['Fireworks will light the sky on New Year\'s Eve.', [["New Year's Eve", '2016-12-31']]],
  ['The attack happened on Bastille Day.', [['Bastille Day', '2016-07-14']]],
  ['The sales will start on Boxing Day.', [['Boxing Day', '2016-12-26']]],
  ['The strike began on Labor Day.', [['Labor Day', '2016-09-05']]],
  ['The parade was held on Memorial Day.', [['Memorial Day', '2016-05-30']]],
  ['He proposed on Valentine\'s Day.', [["Valentine's Day", '2016-02-14']]],
  ['Workers marched on May Day.', [['May Day', '2016-05-01']]],
  ['Fireworks lit the sky on the Fourth of July.', [['the Fourth of July', '2016-07-04']]],
];

const REFS: Case[] = [
  ['Nowadays few people write letters.', [['Nowadays', 'PRESENT_REF']]],
  ['He is currently in Paris.', [['currently', 'PRESENT_REF']]],
  ['Prices have risen lately.', [['lately', 'PAST_REF']]],
  ['Such attacks happened in the past.', [['the past', 'PAST_REF']]],
  ['More cars will be electric in the future.', [['the future', 'FUTURE_REF']]],
  ['Talks may resume in the near future.', [['the near future', 'FUTURE_REF']]],
  ['At present there is no cure.', [['present', 'PRESENT_REF']]],
  ['These days everyone has a phone.', [['These days', 'PRESENT_REF']]],
  ['That was years ago.', [['years ago', 'PAST_REF']]],
  ['That will do for now.', [['now', 'PRESENT_REF']]],
];

const NOT_DATES: Case[] = [
  ['She may resign.', []],
  ['May I ask a question?', []],
  ['Theresa May said on Monday that talks would go on.', [['Monday', '2016-09-12']]],
  ['Brian May played the guitar.', []],
  ['The march was peaceful.', []],
  ['The Sunday Telegraph said so.', []],
  ['The Mail on Sunday reported it.', []],
  ['Black Friday sales were strong.', []],
  ['Clinton won Super Tuesday.', []],
  ['The Good Friday Agreement held.', []],
  ['He spent three years in prison.', []],
  ['The plant runs 24 hours a day.', []],
  ['The market is open every Monday.', []],
  ['Tourists come every summer.', []],
  ['Fees are paid each year.', []],
  ['The club meets every November.', []],
  ['Mondays are busy.', []],
  ['He paid $2015 for it.', []],
  ['The company employs 2013 people.', []],
  ['There were 2,016 votes.', []],
  ['In 2000 police officers patrolled the city.', []],
  ['He scored in the fourth quarter.', []],
  ['June Carter sang.', []],
  ['Prices rose over the past three years.', []],
  ['Crime fell in the last two weeks.', []],
  ['USA Today reported the story.', []],
  ['The Today programme interviewed him.', []],
  ['They won 1-0 at home.', []],
  ['Download version 2.0.1 now.', [['now', 'PRESENT_REF']]],
  ['The 1500 troops left.', []],
  ['Windows 2000 was popular.', []],
  ['The summer holidays were long.', []],
  ['The Arab Spring began in Tunisia.', []],
  ['Crowds cheered the fall of the Berlin Wall.', []],
  ['Prices will fall next year.', [['next year', '2017']]],
  ['He had a spring in his step.', []],
  ['They bought a Christmas tree.', []],
  ['The gifts were opened on Christmas morning.', [['Christmas morning', '2015-12-25TMO']]],
  ['They sailed to Easter Island.', []],
  ['The now-defunct party lost.', []],
  ['The Winter Olympics opened.', []],
  ['Room 1999 was empty.', []],
  ['He was in his 40s.', []],
  ['It cost 5.30 euros.', []],
  ['Every week brings news.', []],
  ['The last decade was hard.', []],
];

const UNRESOLVED: Case[] = [
  ['The plant closed last week.', [['last week', 'XXXX-WXX']], null],
  ['Prices rose last month.', [['last month', 'XXXX-XX']], null],
  ['He left last year.', [['last year', 'XXXX']], null],
  ['It happened yesterday.', [['yesterday', 'XXXX-XX-XX']], null],
  ['The vote is on 5 May.', [['5 May', 'XXXX-05-05']], null],
  ['Arrests were made in the summer.', [['the summer', 'XXXX-SU']], null],
  ['Shops open this Christmas.', [['this Christmas', 'XXXX-12-25']], null],
  ['The plant closed three years ago.', [['three years ago', 'XXXX']], null],
  ['Polls close at 8 p.m.', [['8 p.m.', 'XXXX-XX-XXT20:00']], null],
  ['The blast happened on Sunday morning.', [['Sunday morning', 'XXXX-WXX-7TMO']], null],
  ['Privacy was debated in the 90s.', [['the 90s', '199']], null],
  ['It was launched in 2013.', [['2013', '2013']], null],
  ['He resigned on 13 September 2016.', [['13 September 2016', '2016-09-13']], null],
  ['He will speak tonight.', [['tonight', 'XXXX-XX-XXTNI']], null],
  ['The app now has many users.', [['now', 'PRESENT_REF']], null],
  ['Profits rose in the third quarter.', [['the third quarter', 'XXXX-Q3']], null],
];

const OTHER_ANCHORS: Case[] = [
  // Year boundaries: ISO week-years and months across January.
  ['Talks resumed last week.', [['last week', '2015-W53']], '2016-01-05'],
  ['Prices fell last month.', [['last month', '2015-12']], '2016-01-05'],
  ['The vote was held in December.', [['December', '2015-12']], '2016-01-05'],
  ['The vote will be held in December.', [['December', '2016-12']], '2016-01-05'],
  ['It will be cold this winter.', [['this winter', '2015-WI']], '2016-01-05'],
  ['The deal was signed on Friday.', [['Friday', '2016-01-01']], '2016-01-05'],
  // An anchor with a time and offset resolves from its calendar date.
  ['He left yesterday.', [['yesterday', '2016-09-12']], '2016-09-13T12:37+02:00'],
  ['Feb 29 is a leap day.', [['Feb 29', '2016-02-29']], '2016-03-10'],
  ['They will meet on 29 February.', [['29 February', '2020-02-29']], '2019-03-10'],
  ['The plant closed in the 20s.', [['the 20s', '202']], '2026-05-01'],
];

const MORE: Case[] = [
  ['Today, this issue is more complex than ever.', [['Today', 'PRESENT_REF']]],
  ['He would be a Libertarian today.', [['today', 'PRESENT_REF']]],
  ['Today, the minister resigned.', [['Today', '2016-09-13']]],
  ['Reagan in 80 and 84, Bush in 88 and 92, Bush in 2000 and, Romney in 08.', [
    ['80', '1980'], ['84', '1984'], ['88', '1988'], ['92', '1992'], ['2000', '2000'], ['08', '2008'],
  ]],
  ['Prices rose in 20 cities and fell in 30.', []],
  ['He posed with fellow 2012 presidential candidate Buddy Roemer.', [['2012', '2012']]],
  ['My ties to the party date back to 1979, when I volunteered.', [['1979', '1979']]],
  ['Output rose to 2000 tonnes.', []],
  ['In September of \'72, the campaign began.', [["September of '72", '1972-09']]],
  ['The firm was founded in \'98.', [["'98", '1998']]],
  ['Third-quarter profit rose 5%.', [['Third-quarter', '2015-Q3']]],
  ['Third-quarter profit will rise 5%.', [['Third-quarter', '2016-Q3']]],
  ['First-half sales fell.', [['First-half', '2016-H1']]],
  ['The team led in the first half.', []],
  ['Earnings in fiscal 1989 rose.', [['fiscal 1989', '1989']]],
  ['Sales for the current quarter will rise.', [['the current quarter', '2016-Q3']]],
  ['At the moment nobody knows.', [['the moment', 'PRESENT_REF']]],
  ['The third quartile, Q3, is the 75th percentile.', []],
  ['Results for Q3 are due soon.', [['Q3', '2016-Q3']]],
  ["The switch happens in Q1'02.", [["Q1'02", '2002-Q1']]],
  ['The trial begins Monday.', [['Monday', '2016-09-19']]],
  ['Tickets to the show on Monday', [['Monday', '2016-09-12']]],
  ['Sales rose in the current fiscal year.', [['the current fiscal year', '2016']]],
  ['Profit fell last fiscal year.', [['last fiscal year', '2015']]],
  ['The song is by Ruby Tuesday.', []],
  ['Voting ended at 8 p.m. Results in October.', [['8 p.m.', '2016-09-13T20:00'], ['October', '2016-10']]],
  ['Voting ended at 8 p.m. Monday.', [['8 p.m. Monday', '2016-09-12T20:00']]],
  ['The deal should close by year-end.', [['year-end', '2016']]],
  ['They marked the anniversary of the Sept. 11 attacks.', [['Sept. 11', '2001-09-11']]],
  ['He lost May 5 votes.', []],
  ['RT @September_babyy: see http://example.com/September-2016/list now', [['now', 'PRESENT_REF']]],
  ['Sales rose in the second half.', [['the second half', '2015-H2']]],
  ['Sales will rise in the second half.', [['the second half', '2016-H2']]],
  ['Profits fell in the third quarter.', [['the third quarter', '2015-Q3']]],
  ['Net income rose 5% from a year earlier.', [['a year earlier', '2015']]],
  ['He had left Paris a year earlier.', []],
];

function run(name: string, cases: Case[]): void {
  describe(name, () => {
    for (const [text, expected, anchor] of cases) {
      test(`${text} @${anchor === undefined ? ANCHOR : anchor}`, () => {
        const spans = extractDates(text, { anchor: anchor === undefined ? ANCHOR : anchor });
        for (const s of spans) {
          assert.equal(s.label, 'DATE');
          assert.equal(s.text, text.slice(s.start, s.end));
        }
        assert.deepEqual(spans.map((s) => [s.text, s.value]), expected);
      });
    }
  });
}

run('absolute dates', ABSOLUTE);
run('clock times', TIMES);
run('relative dates', RELATIVE);
run('months, weekdays and tense direction', MONTHS_AND_TENSE);
run('seasons and holidays', SEASONS_HOLIDAYS);
run('now / recently', REFS);
run('not dates', NOT_DATES);
run('unresolved without an anchor', UNRESOLVED);
run('other anchors', OTHER_ANCHORS);
run('more cases (reference annotations)', MORE);

test('the table holds at least 150 cases', () => {
  const n = [ABSOLUTE, TIMES, RELATIVE, MONTHS_AND_TENSE, SEASONS_HOLIDAYS, REFS, NOT_DATES, UNRESOLVED, OTHER_ANCHORS, MORE]
    .reduce((sum, t) => sum + t.length, 0);
  assert.ok(n >= 150, String(n));
});

test('offsets are JS string indices, also after astral characters', () => {
  const text = '🙂 Le 13 septembre? No: on 13 September 2016 🙂 and last week.';
  const spans = extractDates(text, { anchor: ANCHOR });
  const a = text.indexOf('13 September 2016');
  const b = text.indexOf('last week');
  assert.equal(a, 27); // the emoji counts as two UTF-16 code units
  assert.deepEqual(spans.map((s) => [s.start, s.end, s.text, s.value]), [
    [a, a + 17, '13 September 2016', '2016-09-13'],
    [b, b + 9, 'last week', '2016-W36'],
  ]);
});

test('output does not depend on the anchor being a Date string the host would parse', () => {
  assert.deepEqual(extractDates('He left last year.', { anchor: 'not a date' }).map((s) => s.value), ['XXXX']);
});

test('pathological input stays linear: one enormous line, no sentence ends', () => {
  const text = 'May May 2016 in 1999 12:30 '.repeat(40000);
  const spans = extractDates(text, { anchor: ANCHOR });
  assert.ok(spans.length > 40000);
  for (const s of spans.slice(0, 50)) assert.equal(s.text, text.slice(s.start, s.end));
});
