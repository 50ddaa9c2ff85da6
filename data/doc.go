// Package data is the report model of 年报透视: one annual report on open
// government information (政府信息公开工作年度报告) in either version of the
// national template (国办公开办函〔2019〕60号 or 〔2021〕30号), with its
// narrative sections, table 二 (proactive disclosure), table 三 (requests
// received and handled) and table 四 (administrative review and litigation),
// every cell knowing whether it was printed, left blank or recovered by a
// cross-check. It runs the cross-checks (勾稽关系) of the template and
// returns their findings, recovers cells lost in copying only where the
// checks prove the value, and reads and writes the JSON dataset files the
// explorer ships. It knows nothing of charts or browsers.
//
// # Dataset files
//
// A dataset is one JSON object per report:
//
//	{
//	  "id": "nantong-city-2019",          // file name stem, [a-z0-9-]
//	  "body": "南通市人民政府",            // the reporting body
//	  "year": 2019,                        // the year reported on
//	  "published": "2020-03-10",           // publication date, "" when not given
//	  "format": "2019",                    // template version: "2019" or "2021"
//	  "source": "nantong-city-2019.txt",   // the text it was made from
//	  "sections": [{"key": "overview", "title": "一、总体情况", "paragraphs": ["…"]}, …],
//	  "disclosure": [{"item": "第二十条第（一）项", "key": "regulations", "label": "规章",
//	                  "values": [{"key": "made", "label": "本年新制作数量", "value": "1"}, …]}, …],
//	  "requests": {"new": {"natural_person": 4742, …, "legal_services": {"value": 5, "recovered_by": 1}, …}, …},
//	  "appeals": {"review": {"upheld": 131, …, "total": 228}, …}
//	}
//
// In "requests" (table 三) and "appeals" (table 四) rows and columns use the
// canonical keys of FORMAT.md. A cell is a number as printed, null when the
// report left it blank (a blank is not a zero), or {"value": N,
// "recovered_by": R} when it was lost in copying and cross-check R proves its
// value.
//
// Table 二 values are strings holding the number exactly as printed (a signed
// change such as "-47", an amount such as "950125.6165"), "" when blank, with
// the unit in "unit" where the report gives one. Table 二 keys are this
// package's own, listed in DisclosureKeys.
package data
