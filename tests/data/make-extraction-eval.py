#!/usr/bin/env python3
"""Builds tests/data/extraction-eval.jsonl.

The fictional articles and their labels are written out below by hand (labels
are the author's judgement of check-worthiness, set before tuning).  The
shared samples must not be copied into the repository, so for them only a
reference to the file (relative to CRB_SAMPLES_DIR) is stored, and each label
names its sentence by byte offsets into the article text (after the importer
strips the " date YYYY-MM-DD " prefix) plus the first 12 hex digits of the
SHA-1 of the sentence, instead of the text.  The segment boundaries were
produced once by the engine and reviewed by hand before labelling.

Checks: the labelled sentences of every fictional article must cover its
text in order, with only white space between them.
"""
import json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))

ARTICLES = []

def article(id_, date, text, labels):
    ARTICLES.append((id_, date, text, labels))

T, F = True, False

article("fic-wire-energy", "2024-06-14",
"""KYIV, June 14 (Reuters) - Russian missiles and drones struck energy facilities in five Ukrainian regions overnight, killing at least seven people and wounding 23 others, officials said on Friday.

Ukraine's air force said it shot down 24 of 31 drones and 11 of 19 missiles launched by Russia, a rate lower than the 80% it reported in May.

"This was one of the largest attacks on our energy system since March," Energy Minister Herman Halushchenko told reporters. "We will restore power as quickly as possible."

Ukrenergo, the state grid operator, said about 1.2 million households in the Kharkiv and Dnipro regions were without electricity on Friday morning.

The Kremlin did not immediately comment. Russia's Defence Ministry said its forces had hit "military-industrial targets" and denied targeting civilians.

Gov. Oleh Syniehubov of Kharkiv said a 72-year-old woman was among the dead. He said rescue crews were still searching the rubble at 9 a.m. local time.

The attack came two days after U.S. President Joe Biden announced a new $1.5 billion aid package for Ukraine.

Prices for electricity on Ukraine's wholesale market rose by 12.5% after the strikes, data from the exchange showed.

Will the grid survive another winter? Engineers are not sure.

(Reporting by Olena Harmash; Editing by Peter Graff)
""", [
("KYIV, June 14 (Reuters) - Russian missiles and drones struck energy facilities in five Ukrainian regions overnight, killing at least seven people and wounding 23 others, officials said on Friday.", T),
("Ukraine's air force said it shot down 24 of 31 drones and 11 of 19 missiles launched by Russia, a rate lower than the 80% it reported in May.", T),
("\"This was one of the largest attacks on our energy system since March,\" Energy Minister Herman Halushchenko told reporters.", T),
("\"We will restore power as quickly as possible.\"", F),
("Ukrenergo, the state grid operator, said about 1.2 million households in the Kharkiv and Dnipro regions were without electricity on Friday morning.", T),
("The Kremlin did not immediately comment.", F),
("Russia's Defence Ministry said its forces had hit \"military-industrial targets\" and denied targeting civilians.", T),
("Gov. Oleh Syniehubov of Kharkiv said a 72-year-old woman was among the dead.", T),
("He said rescue crews were still searching the rubble at 9 a.m. local time.", F),
("The attack came two days after U.S. President Joe Biden announced a new $1.5 billion aid package for Ukraine.", T),
("Prices for electricity on Ukraine's wholesale market rose by 12.5% after the strikes, data from the exchange showed.", T),
("Will the grid survive another winter?", F),
("Engineers are not sure.", F),
("(Reporting by Olena Harmash; Editing by Peter Graff)", F),
])

article("fic-tabloid-wedding", "2024-02-10",
"""EXCLUSIVE: Reality star's secret wedding in Vegas

By Kelly Brooks

Published: 10:42 GMT, 10 February 2024 | Updated: 11:15 GMT, 10 February 2024

Reality TV star Jasmine Cole, 29, secretly married her boyfriend of three months in a Las Vegas chapel last weekend, the Daily Star can reveal.

The ceremony at the Little Chapel of Love reportedly cost just $350 and lasted 15 minutes.

Fans were stunned!!! One wrote on Instagram: "I can't believe she didn't tell anyone."

Jasmine, who shot to fame on Love Island in 2019, has 2.3 million followers.

Her representative did not respond to a request for comment.

Jasmine Cole pictured at the TV Choice Awards in London last year (Getty Images)

Is this the most romantic wedding of the year? We think so!

- Love Island star reveals baby news
- Inside Jasmine's \u00a32m mansion

Sign up to our newsletter for the latest celebrity news

Follow us on Facebook

\u00a9 2024 Daily Star Media Ltd. All rights reserved.
""", [
("EXCLUSIVE: Reality star's secret wedding in Vegas", F),
("By Kelly Brooks", F),
("Published: 10:42 GMT, 10 February 2024 | Updated: 11:15 GMT, 10 February 2024", F),
("Reality TV star Jasmine Cole, 29, secretly married her boyfriend of three months in a Las Vegas chapel last weekend, the Daily Star can reveal.", T),
("The ceremony at the Little Chapel of Love reportedly cost just $350 and lasted 15 minutes.", T),
("Fans were stunned!!!", F),
("One wrote on Instagram: \"I can't believe she didn't tell anyone.\"", F),
("Jasmine, who shot to fame on Love Island in 2019, has 2.3 million followers.", T),
("Her representative did not respond to a request for comment.", F),
("Jasmine Cole pictured at the TV Choice Awards in London last year (Getty Images)", F),
("Is this the most romantic wedding of the year?", F),
("We think so!", F),
("- Love Island star reveals baby news", F),
("- Inside Jasmine's \u00a32m mansion", F),
("Sign up to our newsletter for the latest celebrity news", F),
("Follow us on Facebook", F),
("\u00a9 2024 Daily Star Media Ltd.", F),
("All rights reserved.", F),
])

article("fic-local-potholes", "2023-11-08",
"""Council approves \u00a34.2m plan to fix Millbrook potholes

Millbrook District Council voted 27 to 9 on Tuesday night to approve a \u00a34.2 million road repair programme, the largest in the town's history.

The money will be spent over three years, starting in April 2024.

Cllr. Sarah Ahmed, who chairs the transport committee, said the number of pothole complaints had doubled since 2021, from 1,150 to 2,300 a year.
"Residents have told us, loud and clear, that enough is enough," she said.

Opposition councillors argued the plan was too little, too late. Cllr. Tom Reyes said nearly two-thirds of the town's roads were rated "poor" in the last survey.

Work on the first 40 streets, including St. Mary's Road and Station Rd., is expected to begin in the spring.

The A38 bypass will be closed between 8 p.m. and 6 a.m. from Nov. 13 to Nov. 17 for resurfacing.

Millbrook's population has grown by about 12 per cent in the past decade, according to the Office for National Statistics.

Have your say in the comments below.
""", [
("Council approves \u00a34.2m plan to fix Millbrook potholes", F),
("Millbrook District Council voted 27 to 9 on Tuesday night to approve a \u00a34.2 million road repair programme, the largest in the town's history.", T),
("The money will be spent over three years, starting in April 2024.", F),
("Cllr. Sarah Ahmed, who chairs the transport committee, said the number of pothole complaints had doubled since 2021, from 1,150 to 2,300 a year.", T),
("\"Residents have told us, loud and clear, that enough is enough,\" she said.", F),
("Opposition councillors argued the plan was too little, too late.", F),
("Cllr. Tom Reyes said nearly two-thirds of the town's roads were rated \"poor\" in the last survey.", T),
("Work on the first 40 streets, including St. Mary's Road and Station Rd., is expected to begin in the spring.", F),
("The A38 bypass will be closed between 8 p.m. and 6 a.m. from Nov. 13 to Nov. 17 for resurfacing.", F),
("Millbrook's population has grown by about 12 per cent in the past decade, according to the Office for National Statistics.", T),
("Have your say in the comments below.", F),
])

article("fic-press-release", "2024-04-25",
"""FOR IMMEDIATE RELEASE

NovaGrid Inc. Reports Record First-Quarter Revenue

AUSTIN, Texas, April 25, 2024 -- NovaGrid Inc. (NASDAQ: NVGD), a provider of battery storage systems, today announced financial results for the first quarter ended March 31, 2024.

Highlights:
\u2022 Revenue of $48.7 million, up 34% year over year
\u2022 Gross margin of 27.1%, compared with 22.4% a year earlier
\u2022 112 new utility customers

"We are thrilled with our momentum and believe NovaGrid is the best-positioned company in the industry," said CEO Dr. Linda Okafor. "We expect revenue to exceed $220 million in 2024."

The company ended the quarter with $96 million in cash and no debt.

Forward-looking statements: This release contains forward-looking statements that involve risks and uncertainties. Actual results may differ materially.

About NovaGrid
NovaGrid Inc. designs and manufactures grid-scale batteries. Founded in 2016, it employs more than 600 people in the U.S. and Germany.

Media contact: press@novagrid.example
""", [
("FOR IMMEDIATE RELEASE", F),
("NovaGrid Inc. Reports Record First-Quarter Revenue", F),
("AUSTIN, Texas, April 25, 2024 -- NovaGrid Inc. (NASDAQ: NVGD), a provider of battery storage systems, today announced financial results for the first quarter ended March 31, 2024.", F),
("Highlights:", F),
("\u2022 Revenue of $48.7 million, up 34% year over year", T),
("\u2022 Gross margin of 27.1%, compared with 22.4% a year earlier", T),
("\u2022 112 new utility customers", T),
("\"We are thrilled with our momentum and believe NovaGrid is the best-positioned company in the industry,\" said CEO Dr. Linda Okafor.", F),
("\"We expect revenue to exceed $220 million in 2024.\"", F),
("The company ended the quarter with $96 million in cash and no debt.", T),
("Forward-looking statements: This release contains forward-looking statements that involve risks and uncertainties.", F),
("Actual results may differ materially.", F),
("About NovaGrid", F),
("NovaGrid Inc. designs and manufactures grid-scale batteries.", F),
("Founded in 2016, it employs more than 600 people in the U.S. and Germany.", T),
("Media contact: press@novagrid.example", F),
])

article("fic-opinion-budget", "2024-09-03",
"""Opinion | Our city deserves better than this budget

By Marcus Lee

I have lived in Riverton for 31 years, and I have never seen a budget as reckless as the one the mayor unveiled last week.

The plan cuts library funding by 18%, from $2.2 million to $1.8 million. That is a disgrace.

Meanwhile, the mayor wants to spend $600,000 on a new logo. Who asked for that?

Some will say the city has no choice. They are wrong.

We should raise the hotel tax instead, which would bring in an estimated $900,000 a year.

The council votes on Sept. 12. I urge every reader to show up and speak.

Marcus Lee is a retired teacher and a former member of the Riverton school board.
""", [
("Opinion | Our city deserves better than this budget", F),
("By Marcus Lee", F),
("I have lived in Riverton for 31 years, and I have never seen a budget as reckless as the one the mayor unveiled last week.", F),
("The plan cuts library funding by 18%, from $2.2 million to $1.8 million.", T),
("That is a disgrace.", F),
("Meanwhile, the mayor wants to spend $600,000 on a new logo.", T),
("Who asked for that?", F),
("Some will say the city has no choice.", F),
("They are wrong.", F),
("We should raise the hotel tax instead, which would bring in an estimated $900,000 a year.", F),
("The council votes on Sept. 12.", F),
("I urge every reader to show up and speak.", F),
("Marcus Lee is a retired teacher and a former member of the Riverton school board.", F),
])

article("fic-spun-hospitals", None,
"""The well being minister mentioned on Tuesday that greater than 4,000 sufferers had been handled in state hospitals final month , a rise of 9 % on the earlier yr.

Critics say the determine is deceptive.. the ministry didn't publish the uncooked knowledge

Dr . Ana Petrova , who heads the medical doctors union , claimed that ready instances have tripled since 2020 !

"we're doing our greatest", the minister instructed journalists

Learn extra: Hospitals below stress
Click on right here to subscribe

In accordance with official figures the ministry's funds was lower by roughly 1 / 4 in 2023.
""", [
("The well being minister mentioned on Tuesday that greater than 4,000 sufferers had been handled in state hospitals final month , a rise of 9 % on the earlier yr.", T),
("Critics say the determine is deceptive.. the ministry didn't publish the uncooked knowledge", T),
("Dr . Ana Petrova , who heads the medical doctors union , claimed that ready instances have tripled since 2020 !", T),
("\"we're doing our greatest\", the minister instructed journalists", F),
("Learn extra: Hospitals below stress", F),
("Click on right here to subscribe", F),
("In accordance with official figures the ministry's funds was lower by roughly 1 / 4 in 2023.", T),
])

article("fic-health-vaccine", "2024-03-15",
"""New malaria vaccine cuts child deaths by a third, study finds

By Dr. Emily Chen, Health Correspondent

A malaria vaccine developed at the University of Oxford reduced deaths among young children by 33 percent in a large trial in Burkina Faso, Kenya and Mali, researchers reported in The Lancet on Thursday.

The trial, led by Prof. Adrian V. S. Hill, enrolled 4,800 children aged 5 to 17 months between 2021 and 2023.

\u201cThese are the best results we have ever seen for a malaria vaccine,\u201d Hill said.

The World Health Organization estimates that malaria killed 608,000 people in 2022, about three-quarters of them children under five.

Each dose costs less than $4, according to the Serum Institute of India, which plans to make 100 million doses a year.

Not everyone is convinced... Some experts warn that protection may fade after two years.

What happens next? Regulators in Ghana and Nigeria have already approved the vaccine.

Image: A health worker prepares a vaccine dose in Nanoro, Burkina Faso. Photo: J. Smith/AP

Related: WHO adds second malaria vaccine to list
""", [
("New malaria vaccine cuts child deaths by a third, study finds", F),
("By Dr. Emily Chen, Health Correspondent", F),
("A malaria vaccine developed at the University of Oxford reduced deaths among young children by 33 percent in a large trial in Burkina Faso, Kenya and Mali, researchers reported in The Lancet on Thursday.", T),
("The trial, led by Prof. Adrian V. S. Hill, enrolled 4,800 children aged 5 to 17 months between 2021 and 2023.", T),
("\u201cThese are the best results we have ever seen for a malaria vaccine,\u201d Hill said.", F),
("The World Health Organization estimates that malaria killed 608,000 people in 2022, about three-quarters of them children under five.", T),
("Each dose costs less than $4, according to the Serum Institute of India, which plans to make 100 million doses a year.", T),
("Not everyone is convinced...", F),
("Some experts warn that protection may fade after two years.", F),
("What happens next?", F),
("Regulators in Ghana and Nigeria have already approved the vaccine.", T),
("Image: A health worker prepares a vaccine dose in Nanoro, Burkina Faso.", F),
("Photo: J. Smith/AP", F),
("Related: WHO adds second malaria vaccine to list", F),
])

article("fic-court-arson", "2024-02-02",
"""Man jailed for 12 years over Leeds warehouse fire

A 34-year-old man has been jailed for 12 years for starting a fire that destroyed a warehouse on St. Anne\u2019s Street in Leeds, causing \u00a33.5m of damage.

Daniel Moore, of No. 4 Cliff Road, admitted arson at Leeds Crown Court in January.

The court heard Moore set the blaze at about 2.30 a.m. on 14 August 2023 after being sacked by the firm\u2019s owner, Mrs. Patricia Kaur, a week earlier.

\u201cI have never seen such a deliberate act of revenge,\u201d Judge Richard Mansell said. \u201cYou put the lives of firefighters at risk.\u201d

More than 60 firefighters from West Yorkshire Fire and Rescue Service tackled the blaze, which burned for nearly nine hours.

Mrs. Kaur told the court: \u201cTwenty years of work went up in smoke in one night.\u201d

Nobody was injured.

West Yorkshire Police said the sentence \u201csends a clear message\u201d.
""", [
("Man jailed for 12 years over Leeds warehouse fire", F),
("A 34-year-old man has been jailed for 12 years for starting a fire that destroyed a warehouse on St. Anne\u2019s Street in Leeds, causing \u00a33.5m of damage.", T),
("Daniel Moore, of No. 4 Cliff Road, admitted arson at Leeds Crown Court in January.", T),
("The court heard Moore set the blaze at about 2.30 a.m. on 14 August 2023 after being sacked by the firm\u2019s owner, Mrs. Patricia Kaur, a week earlier.", T),
("\u201cI have never seen such a deliberate act of revenge,\u201d Judge Richard Mansell said.", F),
("\u201cYou put the lives of firefighters at risk.\u201d", F),
("More than 60 firefighters from West Yorkshire Fire and Rescue Service tackled the blaze, which burned for nearly nine hours.", T),
("Mrs. Kaur told the court: \u201cTwenty years of work went up in smoke in one night.\u201d", F),
("Nobody was injured.", T),
("West Yorkshire Police said the sentence \u201csends a clear message\u201d.", F),
])

# Hold-out articles: written and labelled after the rules were tuned on the
# set above, evaluated once, never tuned on (tests/data/extraction-holdout.jsonl).
HOLDOUT_START = len(ARTICLES)

article("holdout-eurozone-inflation", "2024-07-02",
"""Inflation in the eurozone slowed to 2.5% in June, down from 2.6% in May, according to a flash estimate published by Eurostat on Tuesday.

Core inflation, which excludes energy and food, held steady at 2.9%.

"The path is bumpy, but we are heading in the right direction," ECB President Christine Lagarde said at a conference in Sintra, Portugal.

Economists polled by Reuters had expected a reading of 2.5%.

Services prices rose 4.1% year on year, the fastest pace since October.

Germany's unemployment rate edged up to 6.0%, the Federal Labour Office said, with the number of jobless people rising by 19,000.

Markets now see a roughly 60% chance of a rate cut in September. Will the ECB move sooner? Few analysts think so.

Read more:
ECB's Schnabel warns against hasty cuts
Oil prices climb on Middle East tensions

Sign up for our daily markets newsletter
""", [
("Inflation in the eurozone slowed to 2.5% in June, down from 2.6% in May, according to a flash estimate published by Eurostat on Tuesday.", T),
("Core inflation, which excludes energy and food, held steady at 2.9%.", T),
("\"The path is bumpy, but we are heading in the right direction,\" ECB President Christine Lagarde said at a conference in Sintra, Portugal.", F),
("Economists polled by Reuters had expected a reading of 2.5%.", F),
("Services prices rose 4.1% year on year, the fastest pace since October.", T),
("Germany's unemployment rate edged up to 6.0%, the Federal Labour Office said, with the number of jobless people rising by 19,000.", T),
("Markets now see a roughly 60% chance of a rate cut in September.", F),
("Will the ECB move sooner?", F),
("Few analysts think so.", F),
("Read more:", F),
("ECB's Schnabel warns against hasty cuts", F),
("Oil prices climb on Middle East tensions", F),
("Sign up for our daily markets newsletter", F),
])

article("holdout-morocco-quake", "2023-09-11",
"""Morocco earthquake: death toll rises above 2,000

By Sarah Haddad in Marrakech

Last updated: 11 September 2023

The death toll from the earthquake that struck Morocco on Friday night has risen to 2,122, the interior ministry said on Sunday, with 2,421 people injured.

The 6.8-magnitude quake was the strongest to hit the country in more than 120 years, according to the U.S. Geological Survey.

Rescue teams from Spain, Britain and Qatar have joined the search. King Mohammed VI declared three days of national mourning.

In the village of Tafeghaghte, nearly 90 of its 200 residents were killed, local officials told the AFP news agency.

"We lost everything," said Hassan Ait Belhaj, 62. "Our house, our animals, our neighbours."

Survivors say aid has been too slow to reach remote areas in the High Atlas mountains.

Photo: Rescue workers search the rubble in Amizmiz on Saturday. (AP Photo/Mosa'ab Elshamy)

How can I help?
Donate to the Red Cross appeal

Share this article
""", [
("Morocco earthquake: death toll rises above 2,000", F),
("By Sarah Haddad in Marrakech", F),
("Last updated: 11 September 2023", F),
("The death toll from the earthquake that struck Morocco on Friday night has risen to 2,122, the interior ministry said on Sunday, with 2,421 people injured.", T),
("The 6.8-magnitude quake was the strongest to hit the country in more than 120 years, according to the U.S. Geological Survey.", T),
("Rescue teams from Spain, Britain and Qatar have joined the search.", T),
("King Mohammed VI declared three days of national mourning.", T),
("In the village of Tafeghaghte, nearly 90 of its 200 residents were killed, local officials told the AFP news agency.", T),
("\"We lost everything,\" said Hassan Ait Belhaj, 62.", F),
("\"Our house, our animals, our neighbours.\"", F),
("Survivors say aid has been too slow to reach remote areas in the High Atlas mountains.", F),
("Photo: Rescue workers search the rubble in Amizmiz on Saturday.", F),
("(AP Photo/Mosa'ab Elshamy)", F),
("How can I help?", F),
("Donate to the Red Cross appeal", F),
("Share this article", F),
])

# Shared samples: claim flags per segment, in document order (author's
# judgement).  Segment texts come from eval/samples-segments.txt.
SAMPLES = {
 "crocus-city-hall/000_ed1bccf4d606c700.txt": (None,
   "T T F F T F T F T F F T T T T T T T F T T F F"),
 "crocus-city-hall/001_76ee82237eabb591.txt": (None,
   "T T F F T T T T T T T T T T F"),
 "crocus-city-hall/002_ac573e2a3b29c701.txt": (None,
   "T F F T T T T T F T T T T T T F"),
 "crocus-city-hall/003_755b34d08661c47a.txt": (None,
   "T T T F T T T F T F  F F F F F F F F  F T T T  F F F F F F F F F F  "
   "T T F F F T T T F F F F F F F F F T T F F F F F F F F F F T T T F F T F F F F F F"),
 "crocus-city-hall/004_1f838f000612d520.txt": (None,
   "T T T T T T T T T T T T T T T T T T T F"),
}

SAMPLE_SEGMENTS = {
 'crocus-city-hall/000_ed1bccf4d606c700.txt': [
   (0, 210, '6329c3858e00'),
   (212, 309, '59ea8c91bc42'),
   (311, 430, '2da7f7ef4664'),
   (432, 496, '8c7534dd1427'),
   (498, 647, 'b873a5b7fee9'),
   (649, 835, '7d96208e0fd1'),
   (837, 909, 'd5997566aa5c'),
   (911, 1019, 'fb64f55ae6d8'),
   (1021, 1211, '57ca1d567249'),
   (1213, 1280, 'bf84ab8f182c'),
   (1282, 1337, '9f0af61b3bb3'),
   (1339, 1396, '8d3d53efcd2e'),
   (1398, 1516, '2999e3a55a69'),
   (1518, 1633, '656a2f488877'),
   (1635, 1772, '9193938470aa'),
   (1774, 1918, 'b3b863c31274'),
   (1920, 2065, '8acf957d4e31'),
   (2067, 2173, '09839e8aea2d'),
   (2175, 2218, 'ee470293b3a9'),
   (2220, 2403, '482507dcb10d'),
   (2405, 2567, 'e72b26bfcf11'),
   (2569, 2661, 'fdab6c636dc5'),
   (2663, 2670, '967b66658b05'),
 ],
 'crocus-city-hall/001_76ee82237eabb591.txt': [
   (0, 179, '5235d35fd945'),
   (180, 361, '37c99bc47d45'),
   (362, 419, 'bf7f5e73ed03'),
   (420, 480, 'e4c7be66cf79'),
   (481, 770, 'bcf1c622fa1d'),
   (771, 1040, '043ded858d8f'),
   (1041, 1201, '62033fd01766'),
   (1202, 1244, 'e946f3b6d38b'),
   (1245, 1364, '2561c8f19e47'),
   (1365, 1573, '1163400a9b98'),
   (1574, 1728, '3634771f1de8'),
   (1729, 1908, 'b6b32e5c1980'),
   (1909, 1941, 'ba04e1efd465'),
   (1942, 2080, '906ad101fd41'),
   (2081, 2084, '91703a74853d'),
 ],
 'crocus-city-hall/002_ac573e2a3b29c701.txt': [
   (0, 149, '9aa6fefd725b'),
   (150, 214, '080b23851f5c'),
   (216, 223, 'dc3decbb9384'),
   (225, 478, '429ac42e37ae'),
   (480, 699, '753182799fa1'),
   (700, 905, '85ba2e153f6e'),
   (907, 1047, '5cb5d51e2293'),
   (1049, 1208, 'a232faf5241b'),
   (1210, 1218, '251c228748f6'),
   (1220, 1351, '0aa90a6b0cf1'),
   (1353, 1478, '7ff7d41c507c'),
   (1480, 1626, '5a3c162a9109'),
   (1628, 1781, '3397ac6e4c2c'),
   (1782, 1817, 'e58cd3bb5a33'),
   (1818, 1946, '9d9110eaaaed'),
   (1948, 2005, '8f81f673720d'),
 ],
 'crocus-city-hall/003_755b34d08661c47a.txt': [
   (0, 171, 'da65e3581e6b'),
   (173, 450, 'a77d0dca3d47'),
   (452, 678, 'd02d135fa2bb'),
   (680, 811, '9d207a6aa3f8'),
   (813, 966, '372e399b1ffd'),
   (968, 1115, '65c0ccbc2ff5'),
   (1117, 1308, 'ce59e46266da'),
   (1310, 1388, 'a9d024e893c8'),
   (1390, 1469, 'fd7d3ef5e926'),
   (1470, 1532, '7e42c63228b1'),
   (1533, 1541, '7a42d732ce6e'),
   (1542, 1566, 'd7d61f515ffe'),
   (1568, 1984, '301f9c75374c'),
   (1985, 2294, 'a50606570fd9'),
   (2295, 2337, '4111d7524537'),
   (2338, 2346, '7a42d732ce6e'),
   (2347, 2469, 'a5b7d1af250a'),
   (2470, 2477, '05dbb2667728'),
   (2479, 2627, '4c2cdc8b2d9b'),
   (2629, 2914, '736c1e16e922'),
   (2916, 3174, '7ed09858ac03'),
   (3176, 3287, 'd38307c6be73'),
   (3289, 3354, 'aafa68866f91'),
   (3355, 3362, '05dbb2667728'),
   (3363, 3371, '7a42d732ce6e'),
   (3372, 3452, 'b91a3b38b8d2'),
   (3453, 3460, '05dbb2667728'),
   (3462, 3510, '6236d7b6784c'),
   (3511, 3518, '05dbb2667728'),
   (3519, 3527, '7a42d732ce6e'),
   (3528, 3584, 'b3c6cae8d265'),
   (3585, 3592, '05dbb2667728'),
   (3594, 3754, 'f1c92ed490ff'),
   (3756, 3970, '1c12679bba15'),
   (3972, 4118, '3dd9eb634adb'),
   (4120, 4275, '0fd408d40231'),
   (4277, 4353, '6f57c685f0d5'),
   (4355, 4497, '203ed7deb03c'),
   (4499, 4673, '3ce12e864220'),
   (4675, 4852, '4a09b12dc62e'),
   (4854, 4920, 'cd1e2f8d4fec'),
   (4922, 4959, '1845bd04118c'),
   (4961, 4994, '8fddda0a3d70'),
   (4995, 5048, '65476914dd84'),
   (5049, 5108, '8f8eaccb8f3f'),
   (5110, 5137, 'aec9ff662356'),
   (5138, 5177, '4ba3d0a19847'),
   (5179, 5274, '9f55b6105dc5'),
   (5276, 5293, '8519cdc2cdd4'),
   (5295, 5433, '37284d518a57'),
   (5435, 5633, '43554610e767'),
   (5635, 5686, '51a5a52edaf7'),
   (5688, 5726, '98cefa6d9ec1'),
   (5728, 5738, '3094deb75c73'),
   (5740, 5763, '126bce83ceae'),
   (5765, 5778, 'c46e0c546f62'),
   (5780, 5994, '5ba7fbe2f659'),
   (5996, 6183, '924ea292c882'),
   (6185, 6300, 'c9deaac78d95'),
   (6302, 6439, 'c5f4aeeade2f'),
   (6441, 6500, '63b50b3bb45f'),
   (6502, 6579, '7fe27facd6b6'),
   (6581, 6683, 'c10e3f562fce'),
   (6685, 6773, 'dbeffac805f3'),
   (6775, 6841, 'cd1e2f8d4fec'),
   (6843, 6882, 'b45eff526fe0'),
   (6884, 7057, '7a380390cb5d'),
   (7059, 7146, '090948e52233'),
   (7148, 7302, '2d0a6c1978fa'),
   (7304, 7630, 'c4ccf653717f'),
   (7632, 7645, '8c6235f73313'),
   (7647, 7673, 'db676f30200d'),
   (7674, 7701, '80ffc1cfc8c9'),
 ],
 'crocus-city-hall/004_1f838f000612d520.txt': [
   (0, 130, '4389fdf33e85'),
   (132, 235, '9184fa8db0d7'),
   (237, 367, '251ca3ed49a7'),
   (369, 494, '16c58419bcf2'),
   (495, 712, '6e985a101ded'),
   (714, 887, 'c64420b5adc9'),
   (889, 1061, '5043d9807079'),
   (1063, 1249, 'a8d4e85f73f8'),
   (1251, 1398, '02aea0f0f63f'),
   (1400, 1611, 'ff687f321440'),
   (1613, 1750, 'a200d70669cf'),
   (1752, 1865, '6b730ae83317'),
   (1866, 2169, 'dd2c35f0576b'),
   (2171, 2443, '1df36147fcb9'),
   (2445, 2574, 'b7c399dcbb09'),
   (2576, 2700, '24697b310724'),
   (2701, 2810, 'da63048a3133'),
   (2811, 2894, '1c7a6048edc5'),
   (2896, 3130, '899ed7af7d59'),
   (3132, 3268, 'e79472e7ef43'),
 ],
}

def check_cover(id_, text, labels):
    pos = 0
    for sent, _ in labels:
        i = text.find(sent, pos)
        if i < 0:
            sys.exit("%s: label not found in order: %r" % (id_, sent))
        if text[pos:i].strip():
            sys.exit("%s: unlabelled text %r" % (id_, text[pos:i]))
        pos = i + len(sent)
    if text[pos:].strip():
        sys.exit("%s: unlabelled tail %r" % (id_, text[pos:]))

def main():
    out = []
    holdout = []
    for k, (id_, date, text, labels) in enumerate(ARTICLES):
        check_cover(id_, text, labels)
        (holdout if k >= HOLDOUT_START else out).append(
            {"id": id_, "date": date, "text": text,
             "labels": [{"text": s, "claim": c} for s, c in labels]})
    with open(os.path.join(HERE, "extraction-holdout.jsonl"), "w", encoding="utf-8") as f:
        for o in holdout:
            f.write(json.dumps(o, ensure_ascii=False) + "\n")
    for path, (date, flags) in SAMPLES.items():
        flags = flags.split()
        segs = SAMPLE_SEGMENTS[path]
        if len(flags) != len(segs):
            sys.exit("%s: %d flags for %d segments" % (path, len(flags), len(segs)))
        out.append({"id": "sample-" + os.path.basename(path)[:3], "date": date, "file": path,
                    "labels": [{"start": st, "end": en, "sha1": h, "claim": fl == "T"}
                               for (st, en, h), fl in zip(segs, flags)]})
    with open(os.path.join(HERE, "extraction-eval.jsonl"), "w", encoding="utf-8") as f:
        for o in out:
            f.write(json.dumps(o, ensure_ascii=False) + "\n")
    n = sum(len(o["labels"]) for o in out)
    c = sum(l["claim"] for o in out for l in o["labels"])
    print("%d articles, %d labelled segments, %d claims" % (len(out), n, c))

main()
