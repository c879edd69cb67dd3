// SPDX-License-Identifier: BSL-1.0
#pragma once

// The seed story as data: five articles (shared/seeds/000 to 004) about North
// Korean troops in Russia, as South Korea's National Intelligence Service and
// others described them. Facts (who said what, which figure, which date) are
// the articles'; every sentence here is the project's own.
//
// Until the corpus reader arrives this is built in C++; it moves to
// examples/data/seed_story.json then.
//
// Dates the articles do not print are inferred, and each inference is noted
// beside the event it dates.

#include <sourcetrace/sourcetrace.hpp>

namespace seed {

inline sourcetrace::provenance_graph story() {
  using namespace sourcetrace;
  using k = derivation_kind;
  provenance_graph g;

  // ---- who speaks -------------------------------------------------------------
  g.add_agent("nis", "National Intelligence Service", organization{"intelligence agency", "South Korea"});
  g.add_agent("lee-seong-kweun", "Lee Seong-kweun", person{"lawmaker", "People Power Party"});
  g.add_agent("park-sun-won", "Park Sun-won", person{"lawmaker", "Democratic Party of Korea"});
  g.add_agent("shoigu", "Sergei Shoigu", person{"secretary of the Security Council", "Russia"});
  g.add_agent("gerasimov", "Valery Gerasimov", person{"chief of the General Staff", "Russia"});
  g.add_agent("zelenskyy", "Volodymyr Zelenskyy", person{"president", "Ukraine"});
  g.add_agent("seth-jones", "Seth Jones", person{"analyst", "Center for Strategic and International Studies"});
  g.add_agent("ukraine", "Government of Ukraine", organization{"government", "Ukraine"});
  g.add_agent("united-states", "United States government", organization{"government", "United States"});
  g.add_agent("isw", "Institute for the Study of War", organization{"think tank", "United States"});
  g.add_agent("korea-herald", "The Korea Herald", outlet{"newspaper", "South Korea"});
  g.add_agent("news-blog", "Indonesian-hosted news blog", outlet{"blog", "Indonesia"});
  g.add_agent("news-site", "Unattributed news site", outlet{"website", ""});
  g.add_agent("pravda", "Pravda.ru", outlet{"website", "Russia"});
  g.add_agent("rfa", "Radio Free Asia", outlet{"broadcaster", "United States"});
  g.add_agent("russian-media", "Russian media", outlet{"press", "Russia"});
  g.add_agent("korean-media", "South Korean media", outlet{"press", "South Korea"});
  g.add_agent("euromaidan", "Euromaidan Press", outlet{"website", "Ukraine"});
  g.add_agent("kr-military-sources", "unidentified South Korean military sources",
              anonymous{"unidentified military sources"});
  g.add_agent("ua-military-sources", "Ukrainian military sources", anonymous{"Ukrainian military sources"});

  // ---- where and when ---------------------------------------------------------
  g.add_event("nis-briefing-2025-06-26", event_kind::briefing, "2025-06-26", "nis",
              {.title = "closed-door briefing to the Intelligence Committee"});
  g.add_event("shoigu-pyongyang-2025-06-17", event_kind::statement, "2025-06-17", "shoigu",
              {.title = "Shoigu's visit to Pyongyang", .place = "Pyongyang"});
  // Seed 004 says the NIS spoke "on Thursday" about a redeployment in the first
  // week of February; the article appeared that day: Thursday 2025-02-13.
  g.add_event("nis-statement-2025-02-13", event_kind::statement, "2025-02-13", "nis",
              {.title = "NIS statement on additional troops"});
  // Seed 003 reports an NIS assessment of troops sent "since September"
  // alongside late-October 2025 diplomacy: an NIS briefing of November 2025.
  g.add_event("nis-briefing-2025-11", event_kind::briefing, "2025-11", "nis",
              {.title = "NIS briefing on troops sent since September"});
  // Seed 003 places Gerasimov's confirmation in spring 2025, after Russia
  // declared the Kursk region retaken (late April 2025).
  g.add_event("gerasimov-2025-04", event_kind::statement, "2025-04", "gerasimov",
              {.title = "Gerasimov credits North Korean troops in Kursk"});

  // Seed 000: dated in the article.
  g.add_event("herald-2025-06-27", event_kind::publication, "2025-06-27", "korea-herald",
              {.title = "Spy agency expects more North Korean troops for Russia in summer",
               .byline = "Kim Arin",
               .place = "Seoul"});
  // Seed 001: no dateline; it reports the 2025-06-26 briefing as fresh news and
  // the Israel-Iran ceasefire of 2025-06-24 as recent: the last days of June.
  g.add_event("blog-2025-06", event_kind::publication, "2025-06-26/2025-06-30", "news-blog",
              {.title = "Seoul expects further North Korean deployments by late summer"});
  // Seed 002: no dateline; it says the lawmaker spoke "on Thursday" (2025-06-26),
  // so it appeared that day or the next.
  g.add_event("site-2025-06", event_kind::publication, "2025-06-26/2025-06-27", "news-site",
              {.title = "More North Korean troops for Russia expected"});
  // Seed 003: no dateline; it names late-October 2025 visits as recent and its
  // page lists news of early November 2025.
  g.add_event("pravda-2025-11", event_kind::publication, "2025-11", "pravda",
              {.title = "North Korea has sent 10,000 troops to Russia, says Seoul", .byline = "Petr Ermilin"});
  // Seed 004: the NIS statement it reports came "on Thursday" (see above); the
  // outlet is inferred from its editor's credit and Taipei dateline.
  g.add_event("rfa-2025-02-13", event_kind::publication, "2025-02-13", "rfa",
              {.title = "Seoul confirms further North Korean deployment to Russia", .place = "Taipei"});

  // ---- what is claimed, and who it came from -------------------------------------
  // The NIS briefing of 2025-06-26, relayed by Lee (000, 002) and stated as the
  // agency's own (001).
  g.add_claim("deploy-jul-aug", "North Korea may send more troops to Russia as soon as July or August 2025",
              {.subject = "North Korean troops to Russia",
               .when = partial_date::parse("2025-07/2025-08"),
               .mode = modality::possible});
  g.report("herald-2025-06-27", "deploy-jul-aug",
           {.when = partial_date::parse("2025-07/2025-08"), .mode = modality::possible})
      .via("lee-seong-kweun", k::paraphrases)
      .via("nis-briefing-2025-06-26");
  g.report("blog-2025-06", "deploy-jul-aug",
           {.when = partial_date::parse("2025-07/2025-08"), .mode = modality::possible})
      .via("nis-briefing-2025-06-26", k::paraphrases);
  g.report("site-2025-06", "deploy-jul-aug",
           {.when = partial_date::parse("2025-07/2025-08"), .mode = modality::possible})
      .via("lee-seong-kweun", k::cites)
      .via("nis-briefing-2025-06-26");

  // The same briefing, relayed by Park: a different claim whose trace never
  // reaches Lee.
  g.add_claim("ceasefire-fragile", "Fighting between Israel and Iran could resume at any time despite the ceasefire",
              {.subject = "Israel-Iran ceasefire", .mode = modality::possible});
  g.report("herald-2025-06-27", "ceasefire-fragile").via("park-sun-won", k::quotes).via("nis-briefing-2025-06-26");
  g.report("blog-2025-06", "ceasefire-fragile").via("nis-briefing-2025-06-26", k::quotes);

  // The first deployment: the seeds disagree on the month.
  g.add_claim("first-deployment", "North Korea's first deployment to Russia was about 11,000 troops in late 2024",
              {.subject = "North Korean troops to Russia", .quantity = "11,000"});
  g.report("herald-2025-06-27", "first-deployment", {.quantity = "11,000", .when = partial_date::parse("2024-10")})
      .via("lee-seong-kweun", k::quotes)
      .via("nis-briefing-2025-06-26");
  g.report("blog-2025-06", "first-deployment",
           {.quantity = "an estimated 11,000", .when = partial_date::parse("2024-11")})
      .via("nis-briefing-2025-06-26", k::paraphrases);
  g.report("site-2025-06", "first-deployment", {.quantity = "11,000", .when = partial_date::parse("2024-10")})
      .via("lee-seong-kweun", k::paraphrases)
      .via("nis-briefing-2025-06-26");

  g.add_claim(
      "second-deployment", "North Korea sent about 4,000 more troops to Russia in February 2025",
      {.subject = "North Korean troops to Russia", .quantity = "4,000", .when = partial_date::parse("2025-02")});
  g.report("herald-2025-06-27", "second-deployment", {.quantity = "4,000", .when = partial_date::parse("2025-02")})
      .via("lee-seong-kweun", k::paraphrases)
      .via("nis-briefing-2025-06-26");
  g.report("site-2025-06", "second-deployment", {.quantity = "4,000"}).via("lee-seong-kweun", k::paraphrases);

  // Russia's announcement during Shoigu's visit, even where a lawmaker relays it.
  g.add_claim("kursk-engineers", "North Korea will send 6,000 military engineers and builders to Russia's Kursk region",
              {.subject = "North Korean engineers to Kursk", .quantity = "6,000"});
  g.report("herald-2025-06-27", "kursk-engineers", {.quantity = "6,000"})
      .via("russian-media", k::cites)
      .via("shoigu-pyongyang-2025-06-17");
  g.report("blog-2025-06", "kursk-engineers", {.quantity = "6,000"}).via("shoigu-pyongyang-2025-06-17", k::cites);
  g.report("site-2025-06", "kursk-engineers", {.quantity = "6,000"})
      .via("lee-seong-kweun", k::paraphrases)
      .via("shoigu-pyongyang-2025-06-17");
  g.report("site-2025-06", "kursk-engineers").via("shoigu-pyongyang-2025-06-17", k::paraphrases);

  g.add_claim("shells-supplied",
              "North Korea has supplied Russia with artillery shells, missiles and long-range weapons",
              {.subject = "North Korean arms to Russia", .mode = modality::believed});
  g.report("herald-2025-06-27", "shells-supplied", {.mode = modality::believed})
      .via("lee-seong-kweun", k::paraphrases)
      .via("nis-briefing-2025-06-26");
  g.report("blog-2025-06", "shells-supplied", {.quantity = "more than 10 million", .mode = modality::believed})
      .via("nis-briefing-2025-06-26", k::paraphrases);
  g.report("site-2025-06", "shells-supplied", {.quantity = "millions of", .mode = modality::believed})
      .via("lee-seong-kweun", k::paraphrases)
      .via("nis-briefing-2025-06-26");

  g.add_claim("russian-aid",
              "Russia gave North Korea air defence systems, jamming equipment and help with launchers, drones and "
              "missile guidance",
              {.subject = "Russian aid to North Korea", .mode = modality::believed});
  g.report("herald-2025-06-27", "russian-aid").via("lee-seong-kweun", k::paraphrases).via("nis-briefing-2025-06-26");
  g.report("blog-2025-06", "russian-aid").via("nis-briefing-2025-06-26", k::paraphrases);

  g.add_claim("occupied-81pct", "Russia controls 81 percent of the four Ukrainian regions it claims",
              {.subject = "territory held by Russia", .quantity = "81 percent", .mode = modality::estimated});
  g.report("blog-2025-06", "occupied-81pct").via("nis-briefing-2025-06-26", k::paraphrases);

  g.add_claim("killed-600",
              "About 600 North Korean soldiers have died fighting for Russia and thousands more were wounded",
              {.subject = "North Korean casualties", .quantity = "approximately 600"});
  g.report("site-2025-06", "killed-600").via("nis", k::cites);

  // Background seed 002 states with no source: an unsourced origin.
  g.add_claim("defence-pact-2024", "Russia and North Korea signed a military pact with a mutual defence clause in 2024",
              {.subject = "Russia-North Korea treaty", .when = partial_date::parse("2024")});
  g.report("site-2025-06", "defence-pact-2024");

  // Seed 003: a later deployment that only looks like the 2024 one.
  g.add_claim("since-september-10000",
              "North Korea has sent about 10,000 troops, mostly construction units, to Russia since September 2025, "
              "with 5,000 more expected",
              {.subject = "North Korean construction troops to Russia",
               .quantity = "approximately 10,000",
               .when = partial_date::parse("2025-09/2025-11")});
  g.report("pravda-2025-11", "since-september-10000").via("nis-briefing-2025-11", k::paraphrases);

  g.add_claim("deminers-1000",
              "About 1,000 North Korean engineers were sent to clear mines near the Russian-Ukrainian border",
              {.subject = "North Korean engineers to Russia", .quantity = "around 1,000"});
  g.report("pravda-2025-11", "deminers-1000").via("nis-briefing-2025-11", k::paraphrases);

  g.add_claim("gerasimov-confirms",
              "Russia's chief of the General Staff credited North Korean troops with helping retake Kursk",
              {.subject = "North Korean troops in Kursk"});
  g.report("pravda-2025-11", "gerasimov-confirms").via("gerasimov-2025-04", k::quotes);

  // Seed 004.
  g.add_claim("more-troops-feb-2025",
              "North Korea appears to have sent additional troops to Russia, scale still being assessed",
              {.subject = "North Korean troops to Russia", .mode = modality::possible});
  g.report("rfa-2025-02-13", "more-troops-feb-2025").via("nis-statement-2025-02-13", k::quotes);

  g.add_claim("redeployed-kursk",
              "North Korean troops went back into the Kursk fighting during the first week of February 2025",
              {.subject = "North Korean troops in Kursk",
               .when = partial_date::parse("2025-02-01/2025-02-07"),
               .mode = modality::believed});
  g.report("rfa-2025-02-13", "redeployed-kursk").via("nis-statement-2025-02-13", k::quotes);

  g.add_claim("over-1000-jan-feb",
              "North Korea sent more than 1,000 additional troops to Russia in January and February 2025",
              {.subject = "North Korean troops to Russia",
               .quantity = "more than 1,000",
               .when = partial_date::parse("2025-01/2025-02")});
  g.report("rfa-2025-02-13", "over-1000-jan-feb").via("korean-media", k::cites).via("kr-military-sources", k::cites);

  g.add_claim("up-to-12000", "Up to 12,000 North Korean soldiers are fighting Ukrainian forces from Russian soil",
              {.subject = "North Korean troops in Russia", .quantity = "as many as 12,000"});
  g.report("rfa-2025-02-13", "up-to-12000").via("ukraine", k::cites);
  g.report("rfa-2025-02-13", "up-to-12000").via("united-states", k::cites);

  g.add_claim("casualties-4000", "About 4,000 North Korean troops in Russia have been killed or wounded",
              {.subject = "North Korean casualties", .quantity = "about 4,000"});
  g.report("rfa-2025-02-13", "casualties-4000").via("ukraine", k::cites);

  g.add_claim(
      "could-send-25000", "North Korea could send another 20,000 to 25,000 soldiers to Russia",
      {.subject = "North Korean troops to Russia", .quantity = "20,000 to 25,000", .mode = modality::estimated});
  g.report("rfa-2025-02-13", "could-send-25000").via("zelenskyy", k::cites);

  g.add_claim("casualties-92-a-day",
              "Since early December 2024 North Korean units have lost roughly 92 troops a day, killed or wounded",
              {.subject = "North Korean casualties", .quantity = "about 92 a day", .mode = modality::estimated});
  g.report("rfa-2025-02-13", "casualties-92-a-day").via("isw", k::cites);

  g.add_claim("casualty-rate-50pct", "North Korean casualty rates may be as high as 50 percent",
              {.subject = "North Korean casualties", .quantity = "50%", .mode = modality::possible});
  g.report("rfa-2025-02-13", "casualty-rate-50pct").via("seth-jones", k::quotes);

  g.add_claim("trapped-nikolske",
              "A group of North Korean soldiers is encircled near Nikolske in Donetsk and short of supplies",
              {.subject = "North Korean troops in Donetsk"});
  g.report("rfa-2025-02-13", "trapped-nikolske").via("euromaidan", k::cites).via("ua-military-sources", k::cites);

  return g;
}

}  // namespace seed
