package demo

import "kpiplanner/app"

// financeKPIs is the Finance department's KPI pool.
var financeKPIs = []tmpl{
	lower("Month-end close time", app.Days, app.Average, 4, 6, 1).base(7, 10).lib("month-end-close").
		from("accounting", H, H).says("Working days from month end to closed books."),
	within("Days sales outstanding", app.Days, app.Average, 35, 45, 10, 10, 1).
		from("accounting", L, H).says("Receivables ÷ daily sales, kept inside the agreed band."),
	higher("Forecast accuracy", app.Percent, app.Average, 92, 96, 0.1).noise(0.02).
		from("accounting", H, H).says("100 - |forecast - actual| ÷ actual, in percent."),
	lower("Invoice error rate", app.Percent, app.Average, 0.5, 1, 0.01).
		from("accounting", L, L).says("Invoices reissued ÷ invoices issued, in percent."),
	higher("Cost savings achieved", app.Currency, app.Sum, 300*million, 900*million, 1000).lib("cost-savings").
		from("accounting", H, L).says("Verified savings from renegotiated contracts and cut waste."),
	lower("Open audit findings", app.Count, app.Last, 0, 1, 1).base(5, 8).noise(0.3).
		from("audit", H, H).says("Audit findings not yet closed at month end."),
	milestone("2025 statutory audit signed off").lib("financial-statements-on-time").
		from("audit", H, H).says("The auditors' report is signed without qualification."),
	lower("Supplier payments made late", app.Count, app.Sum, 6, 12, 1).
		from("accounting", L, L).says("Supplier invoices paid after their due date."),
}

// hrKPIs is the HR department's KPI pool.
var hrKPIs = []tmpl{
	lower("Time to hire", app.Days, app.Average, 25, 35, 1).base(40, 50).lib("time-to-hire").
		from("hr-records", H, H).says("Days from approved requisition to accepted offer."),
	lower("Monthly staff turnover", app.Percent, app.Average, 1, 1.5, 0.01).lib("turnover-rate").
		from("hr-records", L, H).says("Leavers ÷ average headcount each month, in percent."),
	higher("Positions filled", app.Count, app.Sum, 20, 60, 1).
		from("hr-records", H, H).says("Open positions filled with accepted offers."),
	higher("Mandatory training completion", app.Percent, app.Last, 90, 98, 0.1).base(70, 85).noise(0.03).
		from("lms", L, H).says("Staff who finished the mandatory courses, in percent."),
	within("Headcount vs plan", app.Percent, app.Last, 98, 102, 4, 5, 0.1).noise(0.02).
		from("hr-records", L, L).says("Actual headcount as a percentage of the approved plan."),
	lower("Cost per hire", app.Currency, app.Ratio, 3*million, 6*million, 1000).ratio(2, 6, 1, 1000).lib("cost-per-hire").
		from("hr-records", L, H).says("Recruiting spend ÷ hires."),
	milestone("Performance review cycle completed").
		from("hr-records", H, L).says("Every employee has a signed mid-year review."),
	higher("Engagement pulse (lowest month)", app.Score, app.Min, 70, 78, 1).noise(0.05).
		from("survey", H, L).says("Lowest monthly pulse-survey score (0–100)."),
}

// operationsKPIs is the Operations department's KPI pool.
var operationsKPIs = []tmpl{
	higher("On-time delivery rate", app.Percent, app.Average, 94, 98, 0.1).base(86, 92).noise(0.02).lib("on-time-delivery-rate").
		from("wms", H, H).says("Orders delivered by the promised date, in percent."),
	lower("Fulfilment cost per order", app.Currency, app.Ratio, 25000, 40000, 100).ratio(3000, 12000, 1, 1000).lib("delivery-cost-per-order").
		from("accounting", H, H).says("Warehouse and delivery cost ÷ orders shipped."),
	within("Inventory days on hand", app.Days, app.Average, 30, 40, 10, 10, 1).
		from("wms", L, H).says("Stock value ÷ daily cost of goods sold, kept inside the band."),
	lower("Longest fulfilment time (worst month)", app.Hours, app.Max, 48, 72, 1).lib("order-processing-time").
		from("wms", H, L).says("Hours from order to dispatch for the slowest 5% of orders, worst month."),
	higher("Picking accuracy (lowest month)", app.Percent, app.Min, 99, 99.6, 0.01).noise(0.002).lib("order-picking-accuracy").
		from("wms", L, H).says("Order lines picked correctly, weakest month, in percent."),
	lower("Workplace incidents", app.Count, app.Sum, 0, 2, 1).base(8, 12).noise(0.4).lib("workplace-incidents").
		from("safety-log", H, H).says("Recorded safety incidents in the warehouses."),
	higher("Units shipped", app.Count, app.Sum, 120000, 400000, 1).
		from("wms", L, L).says("Units dispatched to customers and stores."),
	milestone("New warehouse system live").
		from("project-tracker", H, H).says("The new WMS runs all picking in the main warehouse."),
}
