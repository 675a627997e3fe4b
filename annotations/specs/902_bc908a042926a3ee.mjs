export default {
  source: '../../corpus/902_bc908a042926a3ee.txt',
  out: '../902_bc908a042926a3ee.yaml',
  title: 'Wikinews interviews meteorological experts on Cyclone Phalin',
  published: null,
  entities: [
    ['PER', 'David Titley', ['David Titley']],
    ['PER', 'R Saravanan', ['R Saravanan']],
    ['ORG', 'Wikinews', ['Wikinews']],
    ['ORG', 'BBC', ['BBC']],
    ['LOC', 'Bay of Bengal', ['Bay of Bengal']],
    ['LOC', 'India', ['India']],
    ['LOC', 'Bhubaneshwar', ['Bhubaneshwar']],
  ],
  dates: [
    ['1999', '1999'],
    ['the summer of 2012', '2012-SU'],
  ],
};
