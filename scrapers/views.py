"""SQL views for the Datasette site: the questions a journalist asks, answered without SQL.

Every view the database has is here, in `VIEWS` (in the order they are created);
`db.finalize` recreates them on every build (import, update, rebuild). They only read
tables defined in db.py.

- treasury_designations: names in Treasury releases, designated or mentioned, with the SDN
  entry each was linked to and the evidence (scrapers/linking/treasury.py).
- sanctioned_and_charged / doj_link_review: defendants linked to an SDN entry; weaker
  candidates for review (scrapers/linking/doj.py).
- cases_to_review: pairs of defendant rows with the same name in the same district that the
  case pass did not group into one case because something contradicts it (two case numbers,
  ages that disagree), for a person to decide (scrapers/linking/cases.py).

- designations_by_country_year: one row per (country, designation year): how many entries,
  individuals, entities, still listed. An entry naming two countries counts in both.
- designations_per_month: entries with a known designation day, per month and country (the
  chart of designations per month by country is drawn from it).
- latest_actions: designations (dated), removals from the list and DOJ actions, one list,
  newest first.
- releases_without_links: Treasury E.O. 14059 releases from which no SDN entry could be
  linked as designated (for review: new entries not yet on our copy of the list, or names the
  matcher missed).
- releases_newest_first: the releases the tracker is about, newest first: Treasury releases
  announcing E.O. 14059 designations and DOJ fentanyl releases.
- treasury_releases_audit: every Treasury release fetched, E.O. 14059 or not, with the
  sentences behind the decision (to audit the filter).
- eo14059_actions: one row per E.O. 14059 action day, with the entries dated that day and the
  action's documents (Treasury releases, Recent Actions page, Federal Register notice).
- prosecutions_overview / defendants_overview: prosecutions and defendants with the year,
  the release title and whether they are linked to an SDN entry (`linked` / `not linked`),
  so those can be faceted.

Every view has a complete ORDER BY (ties broken by a unique column): Datasette pages views by
offset, so CSV exports with _stream=on are complete and in a stable order.
"""
from __future__ import annotations

# A JSON list of countries, or a one-item list saying none is known (json_each must not fail
# on an empty or malformed value, or the whole view would error).
_COUNTRIES = ("case when json_valid(d.countries) and json_array_length(d.countries) > 0"
              " then d.countries else '[\"(unknown)\"]' end")

VIEWS = {
    # -- derived links (tables written by scrapers/linking/) ---------------------------------
    "treasury_designations": """
select d.press_release_id, p.published, p.title, p.url, d.role, d.name_in_text, d.uid, d.matched_name,
       d.match_method, d.match_score, d.countries, d.evidence
from press_release_designations d join press_releases p on p.id = d.press_release_id
where p.agency = 'Treasury'
""",
    "sanctioned_and_charged": """
select d.uid, s.name as designation_name, s.entity_type, s.programs, s.countries as designation_countries,
       s.date_of_birth, d.name as defendant_name, d.action, d.district, d.published, d.age, d.nationality,
       d.residence, d.match_method, d.match_score, d.evidence, r.title as release_title, r.url as release_url,
       d.press_release_id, d.prosecution_id, d.id as defendant_id
from defendants d
join designations s on s.uid = d.uid
left join press_releases r on r.id = d.press_release_id
order by d.published desc, d.id
""",
    "doj_link_review": """
select c.reason, c.match_method, c.match_score, d.name as defendant_name, d.age, d.nationality,
       d.residence, d.action, d.published, s.uid, s.name as designation_name, s.entity_type,
       s.countries as designation_countries, s.date_of_birth, c.evidence, r.title as release_title,
       r.url as release_url, c.defendant_id
from link_candidates c
join defendants d on d.id = c.defendant_id
join designations s on s.uid = c.uid
left join press_releases r on r.id = d.press_release_id
order by c.match_score desc, d.published desc, c.defendant_id
""",
    "cases_to_review": """
select v.reason, a.name as defendant_name, a.district, a.published, a.action, a.age, a.case_number,
       ra.url as release_url, b.name as other_name, b.published as other_published, b.action as other_action,
       b.age as other_age, b.case_number as other_case_number, rb.url as other_release_url,
       v.case_id, v.other_case_id, v.defendant_id, v.other_defendant_id
from case_review v
join defendants a on a.id = v.defendant_id
join defendants b on b.id = v.other_defendant_id
left join press_releases ra on ra.id = a.press_release_id
left join press_releases rb on rb.id = b.press_release_id
order by a.published desc, v.defendant_id, v.other_defendant_id
""",
    # -- the site's questions -----------------------------------------------------------------
    "designations_by_country_year": f"""
select c.value as country,
       d.designation_year as designation_year,
       count(*) as designations,
       sum(d.entity_type = 'individual') as individuals,
       sum(d.entity_type = 'entity') as entities,
       sum(d.entity_type not in ('individual', 'entity')) as other,
       sum(d.listed = 1) as still_listed
from designations d, json_each({_COUNTRIES}) c
group by c.value, d.designation_year
order by d.designation_year desc, designations desc, country
""",
    "designations_per_month": f"""
select substr(d.designated_on, 1, 7) as month,
       c.value as country,
       count(*) as designations
from designations d, json_each({_COUNTRIES}) c
where d.designated_on is not null and d.designated_on != ''
group by month, country
order by month, country
""",
    "latest_actions": """
select action_date, action, name, details, district, uid, press_release_id, prosecution_id, url
from (
  select d.designated_on as action_date,
         'designated' as action,
         d.name as name,
         d.entity_type || '; ' || coalesce((select group_concat(value, ', ') from json_each(
             case when json_valid(d.countries) then d.countries else '[]' end)), '') as details,
         null as district,
         d.uid as uid,
         (select x.press_release_id from press_release_designations x join press_releases p on p.id = x.press_release_id
           where x.uid = d.uid and x.role = 'designated' order by p.published, p.id limit 1) as press_release_id,
         null as prosecution_id,
         d.ofac_url as url
  from designations d
  where d.designated_on is not null and d.designated_on != ''
  union all
  select d.designated_before, 'designated (between ' || d.designated_after || ' and ' || d.designated_before || ')',
         d.name,
         d.entity_type || '; ' || coalesce((select group_concat(value, ', ') from json_each(
             case when json_valid(d.countries) then d.countries else '[]' end)), ''),
         null, d.uid, null, null, d.ofac_url
  from designations d
  where (d.designated_on is null or d.designated_on = '') and d.designated_before is not null
  union all
  select e.observed_on, 'removed from the list', e.name,
         coalesce(json_extract(e.details, '$.reason'), ''), null, e.uid, null, null, null
  from list_events e
  where e.event = 'removed'
  union all
  select p.published, coalesce(p.action, 'prosecution'),
         (select group_concat(f.name, '; ') from defendants f where f.prosecution_id = p.id),
         r.title, p.district,
         (select min(f.uid) from defendants f where f.prosecution_id = p.id and f.uid is not null),
         p.press_release_id, p.id, r.url
  from prosecutions p left join press_releases r on r.id = p.press_release_id
)
order by action_date desc, action, name, coalesce(uid, 0), coalesce(prosecution_id, '')
""",
    "releases_without_links": """
select r.id, r.published, r.title, r.url,
       (select count(*) from press_release_designations x where x.press_release_id = r.id) as names_found,
       (select group_concat(x.name_in_text, '; ') from press_release_designations x
         where x.press_release_id = r.id and x.uid is null) as names_not_linked,
       r.recent_actions_url
from press_releases r
where r.agency = 'Treasury' and r.is_eo14059 = 1
  and not exists (select 1 from press_release_designations x
                  where x.press_release_id = r.id and x.uid is not null and x.role = 'designated')
order by r.published desc, r.id
""",
    "releases_newest_first": """
select r.published, r.agency, r.title, r.url, r.is_eo14059, r.mentions_fentanyl, r.office, r.district, r.year, r.id
from press_releases r
where r.agency != 'Treasury' or r.is_eo14059 = 1
order by r.published desc, r.id
""",
    "treasury_releases_audit": """
select r.published, r.title, r.url, r.is_eo14059, r.mentions_fentanyl, r.eo14059_evidence,
       (select count(*) from press_release_designations x where x.press_release_id = r.id and x.role = 'designated')
         as designees_found, r.year, r.id
from press_releases r
where r.agency = 'Treasury'
order by r.published desc, r.id
""",
    "prosecutions_overview": """
select p.id, p.published, p.year, p.action, p.district, r.title, p.defendant_count,
       (select count(*) from defendants f where f.prosecution_id = p.id and f.uid is not null) as linked_defendants,
       case when exists (select 1 from defendants f where f.prosecution_id = p.id and f.uid is not null)
            then 'linked' else 'not linked' end as linked_to_designation,
       (select group_concat(f.name, '; ') from defendants f where f.prosecution_id = p.id) as defendants,
       p.statutes, p.drugs, p.sentence_months, p.press_release_id, r.url
from prosecutions p left join press_releases r on r.id = p.press_release_id
order by p.published desc, p.id
""",
    "defendants_overview": """
select f.id, f.published, cast(substr(f.published, 1, 4) as integer) as year, f.name, f.action, f.district,
       f.age, f.residence, f.nationality, f.is_company, f.sentence_months,
       case when f.uid is not null then 'linked' else 'not linked' end as linked_to_designation,
       f.uid, d.name as designation_name, f.match_method, f.match_score, f.evidence,
       f.prosecution_id, f.press_release_id, r.url
from defendants f
left join designations d on d.uid = f.uid
left join press_releases r on r.id = f.press_release_id
order by f.published desc, f.id
""",
    # one row per E.O. 14059 action day: the entries dated that day, and the documents of the
    # action -- Treasury releases, OFAC's Recent Actions page, the Federal Register notice
    "eo14059_actions": """
select a.action_date,
       (select count(*) from designation_dates x where x.kind = 'program' and x.chosen = 1
         and x.date = a.action_date) as designations_dated,
       (select group_concat(p.id, '; ') from press_releases p where p.agency = 'Treasury' and p.is_eo14059 = 1
         and p.published = a.action_date) as releases,
       (select group_concat(distinct r.url) from recent_actions r where r.action_date = a.action_date) as recent_actions,
       (select group_concat(distinct e.document_number) from fr_entries e where e.action_date = a.action_date
         and e.programs like '%ILLICIT-DRUGS-EO14059%') as fr_documents,
       (select group_concat(distinct d.html_url) from fr_documents d join fr_entries e on e.document_number = d.document_number
         where e.action_date = a.action_date and e.programs like '%ILLICIT-DRUGS-EO14059%') as fr_urls,
       (select min(d.publication_date) from fr_documents d join fr_entries e on e.document_number = d.document_number
         where e.action_date = a.action_date and e.programs like '%ILLICIT-DRUGS-EO14059%') as fr_published
from (select date as action_date from designation_dates where kind = 'program' and chosen = 1 and date is not null
      union select published from press_releases where agency = 'Treasury' and is_eo14059 = 1
      union select action_date from fr_entries where programs like '%ILLICIT-DRUGS-EO14059%' and action_date is not null) a
order by a.action_date desc
""",
}

VIEWS = {name: sql.strip() for name, sql in VIEWS.items()}
