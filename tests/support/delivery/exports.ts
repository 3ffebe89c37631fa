// Tracker exports in the shapes the services write them (header layouts of Jira's "Export CSV
// (all fields)" and Linear's CSV export; values made up).

/** Jira, English date format, repeated Sprint and Labels columns, team-managed parents by issue id. */
export const JIRA_CSV = [
  "Summary,Issue key,Issue id,Issue Type,Status,Project key,Project name,Priority,Resolution,Assignee,Reporter,Created,Updated,Resolved,Sprint,Sprint,Labels,Labels,Custom field (Story point estimate),Parent,Parent summary,Status Category,Status Category Changed",
  "Checkout revamp,CHK-1,10001,Epic,In Progress,CHK,Checkout,Medium,,Ana Diaz,Ana Diaz,02/Nov/26 9:00 AM,20/Nov/26 4:30 PM,,,,,,,,,In Progress,05/Nov/26 9:00 AM",
  "Card form validation,CHK-2,10002,Story,Done,CHK,Checkout,High,Done,Bo Lee,Ana Diaz,03/Nov/26 10:15 AM,12/Nov/26 2:05 PM,12/Nov/26 2:05 PM,CHK Sprint 1,CHK Sprint 2,frontend,payments,3,10001,Checkout revamp,Done,12/Nov/26 2:05 PM",
  "Refund API,CHK-3,10003,Story,In Review,CHK,Checkout,Medium,,Cy Ode,Ana Diaz,05/Nov/26 11:00 AM,25/Nov/26 9:40 AM,,CHK Sprint 2,,backend,,5,10001,Checkout revamp,In Progress,20/Nov/26 9:00 AM",
  '"Receipt e-mail, with ""quotes""",CHK-4,10004,Task,To Do,CHK,Checkout,Low,,,Ana Diaz,24/Nov/26 3:00 PM,24/Nov/26 3:00 PM,,,,,,,,,To Do,24/Nov/26 3:00 PM',
].join("\r\n");

/** Dates as Jira writes them for a user whose language is German (24-hour clock, German month names). */
export const JIRA_CSV_GERMAN = [
  "Summary,Issue key,Issue id,Status,Created,Updated,Resolved,Status Category",
  "Ausgabe,CHK-7,10007,Fertig,02/Okt/26 10:15,03/Dez/26 08:00,03/Dez/26 08:00,Done",
].join("\n");

/** Numeric day/month dates with slashes: the order must be chosen. */
export const JIRA_CSV_NUMERIC = ["Issue key,Summary,Status,Created,Resolved", "CHK-8,Numeric,Done,11/03/2026 14:00,12/03/2026 09:00"].join(
  "\n",
);

export const LINEAR_CSV = [
  `"ID","Team","Title","Description","Status","Estimate","Priority","Project ID","Project","Creator","Assignee","Labels","Cycle Number","Cycle Name","Cycle Start","Cycle End","Created","Updated","Started","Triaged","Completed","Canceled","Archived","Due Date","Parent issue","Initiatives","Project Milestone ID","Project Milestone","SLA Status","UUID","Time in status (minutes)","Related to","Blocked by","Duplicate of"`,
  `"ENG-10","Engineering","Search index rebuild","Line one\nline two, with a comma","Done","3","High","p-1","Search","ana@acme.test","bo@acme.test","backend","7","Cycle 7","","","Wed Nov 04 2026 09:00:00 GMT+0000 (Coordinated Universal Time)","Thu Nov 19 2026 16:20:00 GMT+0000 (Coordinated Universal Time)","Thu Nov 05 2026 09:00:00 GMT+0000 (Coordinated Universal Time)","","Thu Nov 19 2026 16:20:00 GMT+0000 (Coordinated Universal Time)","","","","","","m-1","Beta","","u-10","30","","",""`,
  `"ENG-11","Engineering","Typo tolerance","","In Progress","2","Medium","p-1","Search","ana@acme.test","","","7","Cycle 7","","","Mon Nov 09 2026 10:00:00 GMT+0100 (Central European Standard Time)","Tue Nov 24 2026 12:00:00 GMT+0100 (Central European Standard Time)","","","","","","","ENG-10","","m-1","Beta","","u-11","10","","",""`,
  `"ENG-12","Engineering","Old ranking experiment","","Canceled","","Low","p-1","Search","ana@acme.test","","","","","","","Tue Nov 10 2026 10:00:00 GMT+0000 (Coordinated Universal Time)","Wed Nov 11 2026 10:00:00 GMT+0000 (Coordinated Universal Time)","","","","Wed Nov 11 2026 10:00:00 GMT+0000 (Coordinated Universal Time)","","","","","","","","u-12","5","","",""`,
].join("\n");
